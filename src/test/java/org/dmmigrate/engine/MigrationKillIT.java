package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.s3.S3Server;
import org.dmmigrate.target.s3.S3Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dmmigrate in its own JVM, killed with SIGKILL in the middle of a multipart upload; the
 * next run sends only the parts the killed one had not recorded.
 */
class MigrationKillIT {

    private static final long MIB = PartSizing.MIB;
    private static final int PARTS = 32;
    private static final String ASSET = "alice/Long/0123456789abcdef01234567/source.mp4";

    @TempDir
    Path root;

    @TempDir
    Path logs;

    @Test
    void killedMigrationResumesWithoutResendingRecordedParts() throws Exception {
        Path file = root.resolve(ASSET);
        Files.createDirectories(file.getParent());
        byte[] chunk = new byte[(int) MIB];
        Random random = new Random(5);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < PARTS * 8; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        try (Manifest manifest = Manifest.open(root)) {
            manifest.record(Manifest.Entry.of(root, file, Digests.of(file, true), "alice",
                    "0123456789abcdef01234567", "source", Instant.now()));
            manifest.save();
        }
        Path jar = Path.of("target/dmcloud-migrate-cli.jar").toAbsolutePath();
        assertThat(jar).exists();

        try (S3Server server = S3Server.start(); S3Target s3 = server.target("kill")) {
            server.createBucket("kill");
            Process child = new ProcessBuilder("java",
                    "-Daws.accessKeyId=" + S3Server.ACCESS_KEY,
                    "-Daws.secretAccessKey=" + S3Server.SECRET_KEY,
                    "-jar", jar.toString(), "dmmigrate", "--endpoint",
                    server.endpoint().toString(), "--jobs", "1", root.toString(), "s3://kill/k")
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve("child.log").toFile())
                    .start();
            Set<Integer> recorded = awaitParts(child, 3);
            child.destroyForcibly().waitFor();
            recorded = UploadState.load(root, true).upload("k/" + ASSET).orElseThrow()
                    .parts().keySet();

            RecordingTarget target = new RecordingTarget(s3);
            MigrationSummary summary = new MigrationRun(target, MigrationListener.NONE,
                    Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(2), 2),
                    new AtomicBoolean()::get)
                    .run(new MigrationOptions(root, "k", false, 2, PartSizing.MIN_PART,
                            MigrationOptions.DEFAULT_MULTIPART_ABOVE));

            Set<Integer> expected = IntStream.rangeClosed(1, PARTS).boxed()
                    .collect(Collectors.toSet());
            expected.removeAll(recorded);
            assertThat(recorded).hasSizeBetween(3, PARTS - 1);
            assertThat(target.partsSent).isEqualTo(expected);
            assertThat(summary.complete()).as(summary.failures() + " " + summary.unverified())
                    .isTrue();
            assertThat(md5(s3, new ObjectKey("k/" + ASSET)))
                    .isEqualTo(Digests.of(file, false).md5());
            assertThat(s3.listUploads("k/")).isEmpty();
        }
    }

    /** Waits until the state file of the child's upload records {@code count} parts. */
    private Set<Integer> awaitParts(Process child, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as(() -> log()).isTrue();
            Set<Integer> parts = UploadState.load(root, true).upload("k/" + ASSET)
                    .map(upload -> upload.parts().keySet()).orElse(Set.of());
            if (parts.size() >= count) {
                return parts;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the child never recorded " + count + " parts: " + log());
    }

    private String log() {
        try {
            return Files.readString(logs.resolve("child.log"));
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String md5(S3Target s3, ObjectKey key) throws Exception {
        Digests digests = Digests.create(false);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = s3.open(key)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digests.update(buffer, 0, n);
            }
        }
        return digests.result().md5();
    }
}
