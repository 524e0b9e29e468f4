package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dmverify's hashing against {@code md5sum} on the same files (in the page cache). Run with
 * {@code mvn verify -Dtest.excludedGroups=none -Dgroups=benchmark}.
 */
@Tag("benchmark")
class VerifierBenchmarkTest {

    private static final int FILES = 8;
    private static final int FILE_BYTES = 48 << 20;
    private static final int ROUNDS = 4;
    private static final String MEDIA_ID = "0123456789abcdef01234567";

    @TempDir
    Path dst;

    @Test
    void hashesAtLeastFourFifthsAsFastAsMd5sum() throws Exception {
        List<String> names = writeBackup();
        Path mediaDir = dst.resolve("bench/Bench/" + MEDIA_ID);
        List<String> md5sum = new ArrayList<>(List.of("md5sum"));
        md5sum.addAll(names);
        Coreutils.run(mediaDir, md5sum.toArray(String[]::new));

        int jobs = Runtime.getRuntime().availableProcessors();
        // Interleaved rounds, so that a load spike from elsewhere hits both alike.
        double md5sumSeconds = Double.MAX_VALUE;
        double full = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            md5sumSeconds = Math.min(md5sumSeconds,
                    best(() -> Coreutils.run(mediaDir, md5sum.toArray(String[]::new)), 1));
            full = Math.min(full, best(() -> verify(jobs, Verifier.Depth.FULL, false), 1));
        }
        double fullOneJob = best(() -> verify(1, Verifier.Depth.FULL, false));
        verify(jobs, Verifier.Depth.FULL, true);
        double md5Only = best(() -> verify(jobs, Verifier.Depth.MD5, false));
        double digestsOneThread = best(() -> {
            for (String name : names) {
                Digests.of(mediaDir.resolve(name), true);
            }
            return null;
        });

        double megabytes = (double) FILES * FILE_BYTES / 1e6;
        System.out.printf("hashing %d files, %.0f MB, %d processors%n", FILES, megabytes, jobs);
        print("md5sum (one process)", megabytes, md5sumSeconds, md5sumSeconds);
        print("dmverify --check full, jobs " + jobs, megabytes, full, md5sumSeconds);
        print("dmverify --check full, jobs 1", megabytes, fullOneJob, md5sumSeconds);
        print("dmverify --check md5, jobs " + jobs, megabytes, md5Only, md5sumSeconds);
        print("Digests MD5+SHA-256, one thread", megabytes, digestsOneThread, md5sumSeconds);
        assertThat(md5sumSeconds / full).as("throughput of --check full over md5sum's")
                .isGreaterThanOrEqualTo(0.8);
    }

    private @Nullable Object verify(int jobs, Verifier.Depth depth, boolean refresh)
            throws Exception {
        Manifest manifest = Manifest.open(dst);
        Verification verification = new Verifier(dst, jobs, depth, Clock.systemUTC(), () -> false)
                .verify(manifest, refresh, null);
        assertThat(verification.total().verified()).isEqualTo(FILES);
        if (refresh) {
            manifest.save();
        }
        return null;
    }

    private List<String> writeBackup() throws IOException {
        Path mediaDir = Files.createDirectories(dst.resolve("bench/Bench/" + MEDIA_ID));
        Files.writeString(dst.resolve("bench/media.json"),
                "[{\"id\": \"" + MEDIA_ID + "\", \"title\": \"Bench\"}]");
        Map<String, Object> assets = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(42);
        for (int i = 0; i < FILES; i++) {
            String name = "mp4_rendition_" + i;
            Digests digests = Digests.create(false);
            try (OutputStream out = Files.newOutputStream(mediaDir.resolve(name + ".mp4"))) {
                for (int written = 0; written < FILE_BYTES; written += chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                    digests.update(chunk, 0, chunk.length);
                }
            }
            assets.put(name, Map.of("status", "ready", "container", "MPEG-4",
                    "file_size", FILE_BYTES, "checksum", digests.result().md5()));
            names.add(name + ".mp4");
        }
        BackupJson.write(mediaDir.resolve("assets.json"), assets);
        return names;
    }

    private static double best(Timed action) throws Exception {
        return best(action, ROUNDS);
    }

    private static double best(Timed action, int rounds) throws Exception {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            action.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void print(String label, double megabytes, double seconds, double md5sum) {
        System.out.printf("  %-34s %7.0f MB/s  ratio to md5sum %.2f%n", label,
                megabytes / seconds, md5sum / seconds);
    }

    /** A timed step. */
    @FunctionalInterface
    private interface Timed {
        @Nullable Object run() throws Exception;
    }
}
