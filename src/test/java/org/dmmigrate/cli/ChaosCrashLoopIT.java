package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.dmmigrate.emulator.AssetKey;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.dmmigrate.engine.BackupLayout;
import org.junit.jupiter.api.Tag;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos crash loop: dmdownload as a separate JVM, killed with SIGKILL at seeded random
 * moments over the whole backup (during start-up and listing, where the JSON listings are
 * written, and when a random share of the organisation's bytes is on disk, so mid-file and
 * near renames), rerun each time. At the end dmverify must find it complete and intact, no
 * final file may ever have held wrong bytes, and the bytes fetched twice are compared with the
 * partial files on disk at the kills.
 */
@Tag("chaos")
class ChaosCrashLoopIT {

    private static final ChaosScale SCALE = ChaosScale.current();

    private static final int KILLS = SCALE.pick(5, 24);

    private static final int JOBS = 4;

    /** Below this a partial file has no state and is fetched again from 0 (PartialFile). */
    private static final long RESUME_MIN_BYTES = 256 * 1024;

    @TempDir
    Path dst;

    /** The tool's output of every run, kept for a look after a failure. */
    private final Path logs = Path.of("target", "chaos", "crash-loop-logs");

    /** One run: how it ended, what it cost, and what was on disk after it. */
    private record Run(String moment, long served, long refetched, long partialBytes,
            long smallPartialBytes, long partialFiles, long finalFiles) {
    }

    @Test
    void killNineAtRandomMomentsEndsVerifiedFetchingAgainNoMoreThanThePartials()
            throws Exception {
        Files.createDirectories(logs);
        Random random = new Random(2026);
        List<Run> kills = new ArrayList<>();
        List<Run> finals = new ArrayList<>();
        try (Emulator emulator = Emulator.builder().catalog(catalog()).build().start()) {
            TrueBytes truth = TrueBytes.of(emulator, dst);
            List<String> corrupt;
            try (FinalFileWatcher watcher = FinalFileWatcher.start(truth, dst)) {
                while (kills.size() < KILLS) {
                    Run run = run(emulator, truth, random, kills.size());
                    watcher.sweep();
                    assertThat(run.moment()).as("a run ended before its kill; make the "
                            + "organisation bigger").startsWith("killed");
                    kills.add(run);
                }
                for (int i = 0; i < 3 && !lastEndedComplete(finals); i++) {
                    finals.add(run(emulator, truth, null, i));
                }
                corrupt = watcher.corrupt();
            }
            CliRun verify = CliRun.of("dmverify", "--strict", dst.toString());
            publish(kills, finals, truth.totalBytes(), emulator.recorder().bytesServed(),
                    verify.exitCode());

            long refetched = sum(kills, Run::refetched) + sum(finals, Run::refetched);
            long retransferred = emulator.recorder().bytesServed() - truth.totalBytes();
            assertThat(finals.get(finals.size() - 1).moment()).isEqualTo("exit 0");
            assertThat(corrupt).isEmpty();
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(ExpectedTree.of(emulator, dst, null).problems(dst)).isEmpty();
            assertThat(refetched).as("bytes on disk fetched again")
                    .isLessThanOrEqualTo(sum(kills, Run::smallPartialBytes));
            assertThat(retransferred - refetched).as("bytes lost in buffers at the kills")
                    .isLessThanOrEqualTo((long) KILLS * JOBS * bufferBound());
        }
    }

    /**
     * One run, killed at a random moment when {@code random} is given, else left to end;
     * accounts per asset for the bytes served that were already on disk before it.
     */
    private Run run(Emulator emulator, TrueBytes truth, @Nullable Random random, int index)
            throws Exception {
        Map<Path, Long> before = onDisk(truth);
        Map<AssetKey, Long> servedBefore = emulator.recorder().bytesByAsset();
        Process process = start(emulator, (random == null ? "last-" : "run-") + index);

        String moment = random == null ? awaitExit(process) : kill(process, truth, random,
                index);
        Map<AssetKey, Long> servedAfter = emulator.recorder().bytesByAsset();
        long served = 0;
        long refetched = 0;
        for (Path path : truth.paths()) {
            AssetKey key = truth.key(path);
            long delta = servedAfter.getOrDefault(key, 0L) - servedBefore.getOrDefault(key, 0L);
            served += delta;
            refetched += Math.max(0, delta - (truth.size(path) - before.get(path)));
        }
        long partials = 0;
        long small = 0;
        long parts = 0;
        long done = 0;
        for (Path path : truth.paths()) {
            Path part = BackupLayout.partFile(path);
            if (Files.exists(path)) {
                done++;
            } else if (Files.exists(part)) {
                long size = Files.size(part);
                parts++;
                partials += size;
                small += truth.size(path) < RESUME_MIN_BYTES ? size : 0;
            }
        }
        return new Run(moment, served, refetched, partials, small, parts, done);
    }

    private String kill(Process process, TrueBytes truth, Random random, int index)
            throws Exception {
        String moment;
        // The first kill, and a quarter of the others while less than half is on disk, come
        // soon after "starting backup": listing, where the first run writes every
        // assets.json (later, the rest of a backup could end before the kill); the others
        // when a random share of the organisation is on disk.
        boolean early = random.nextInt(4) == 0
                && bytesOnDisk(truth) < truth.totalBytes() / 2;
        if (index == 0 || early) {
            Path err = logs.resolve("err-run-" + index + ".txt");
            while (!Files.readString(err).contains("starting backup")) {
                if (!process.isAlive()) {
                    return "exit " + process.exitValue();
                }
                Thread.sleep(2);
            }
            long delayMillis = random.nextInt(600);
            if (process.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
                return "exit " + process.exitValue();
            }
            moment = "killed " + delayMillis + " ms after start";
        } else {
            // Stratified over the organisation's bytes, so that the kills span the backup;
            // past what is on disk already, so that this run fetches something first.
            long total = truth.totalBytes();
            long target = (long) (total * (index + random.nextDouble()) / KILLS);
            long present = bytesOnDisk(truth);
            if (target <= present) {
                target = present + 1 + (long) ((total - present) * random.nextDouble()
                        / Math.max(1, KILLS - index));
            }
            while (bytesOnDisk(truth) < target) {
                if (!process.isAlive()) {
                    return "exit " + process.exitValue();
                }
                Thread.sleep(2);
            }
            moment = "killed at " + target / 1000 + " kB on disk";
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return moment;
    }

    private static String awaitExit(Process process) throws InterruptedException {
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue();
    }

    /** The bytes of each asset on disk: its final file's, else its partial file's, else 0. */
    private static Map<Path, Long> onDisk(TrueBytes truth) {
        Map<Path, Long> out = new HashMap<>();
        for (Path path : truth.paths()) {
            out.put(path, Math.max(Chaos.sizeOrZero(path),
                    Chaos.sizeOrZero(BackupLayout.partFile(path))));
        }
        return out;
    }

    private static long bytesOnDisk(TrueBytes truth) {
        return onDisk(truth).values().stream().mapToLong(Long::longValue).sum();
    }

    private static boolean lastEndedComplete(List<Run> runs) {
        return !runs.isEmpty() && runs.get(runs.size() - 1).moment().equals("exit 0");
    }

    /**
     * What one killed transfer can lose beyond its partial file: what the emulator had written
     * to the socket (in 1 MiB writes) that sat in the loopback send and receive buffers and in
     * the client's own buffers when the process died. Bounded by the kernel's maximum TCP
     * buffer sizes, and by the largest file.
     */
    private static long bufferBound() {
        long kernel = Chaos.lastNumber("/proc/sys/net/ipv4/tcp_rmem", 6L << 20)
                + Chaos.lastNumber("/proc/sys/net/ipv4/tcp_wmem", 4L << 20);
        long largest = catalog().spec().sourceBytes();
        return Math.min(largest, kernel + (2L << 20));
    }

    private void publish(List<Run> kills, List<Run> finals, long total, long served,
            int verify) throws IOException {
        ChaosTable table = new ChaosTable("Crash loop: " + org() + ", " + kills.size()
                + " kill -9", "run", "moment", "served", "fetched again", ".part files",
                ".part bytes", "final files");
        List<Run> all = new ArrayList<>(kills);
        all.addAll(finals);
        for (int i = 0; i < all.size(); i++) {
            Run run = all.get(i);
            table.row(i + 1, run.moment(), run.served(), run.refetched(), run.partialFiles(),
                    run.partialBytes(), run.finalFiles());
        }
        long refetched = sum(all, Run::refetched);
        long partials = sum(kills, Run::partialBytes);
        table.note("organisation bytes          " + total);
        table.note("bytes served in all         " + served);
        table.note("re-transferred              " + (served - total)
                + " (served - organisation)");
        table.note("partials in flight, sum     " + partials
                + " (.part bytes right after each kill)");
        table.note("  of files under 256 KiB    " + sum(kills, Run::smallPartialBytes)
                + " (no resume state: fetched again from 0 by design)");
        table.note("fetched again from disk     " + refetched + " (bytes served for an asset "
                + "beyond what it lacked on disk before the run)");
        table.note("lost in buffers at kills    " + (served - total - refetched)
                + " (re-transferred - fetched again; bound " + KILLS + " kills x " + JOBS
                + " transfers x " + bufferBound() / 1000 + " kB)");
        table.note("dmverify --strict           " + (verify == 0 ? "exit 0, 100% intact"
                : "exit " + verify));
        table.publish("crash-loop");
    }

    private static long sum(List<Run> runs, ToLongFunction<Run> field) {
        return runs.stream().mapToLong(field).sum();
    }

    private Process start(Emulator emulator, String name) throws IOException {
        Path jar = Path.of("target", "dmcloud-migrate-cli.jar");
        assertThat(jar).as("the shaded jar; run mvn verify, which packages first").exists();
        EmulatedUser admin = emulator.catalog().admin();
        // --single-read: the second read of files without a checksum is a designed extra
        // read (the fault matrix runs with it); left out here so that the bytes served count
        // only what the kills cost.
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "dmdownload", "--jobs", String.valueOf(JOBS),
                "--single-read", "--retry-delay", "PT0.05S", dst.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve("out-" + name + ".txt").toFile())
                .redirectError(logs.resolve("err-" + name + ".txt").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DMCLOUD_"));
        builder.environment().put("DMCLOUD_API_URL", emulator.baseUrl().toString());
        builder.environment().put("DMCLOUD_USER_ID", admin.id());
        builder.environment().put("DMCLOUD_API_KEY", admin.apiKey());
        return builder.start();
    }

    private static SyntheticCatalog catalog() {
        return SCALE.pick(SyntheticCatalog.create(1, 8, 4_000_000, 1_000_000, 23),
                SyntheticCatalog.create(2, 20, 16_000_000, 4_000_000, 23));
    }

    private static String org() {
        SyntheticCatalog catalog = catalog();
        return catalog.spec().users() + " users x " + catalog.spec().mediaPerUser()
                + " media (source " + catalog.spec().sourceBytes() / 1_000_000 + " MB, "
                + "rendition " + catalog.spec().renditionBytes() / 1_000_000 + " MB, thumbnail)";
    }
}
