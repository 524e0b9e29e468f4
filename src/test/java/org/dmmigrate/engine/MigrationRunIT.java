package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.ObjectMeta;
import org.dmmigrate.target.s3.S3Server;
import org.dmmigrate.target.s3.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MigrationRun} with multipart uploads against a real s3proxy. */
class MigrationRunIT {

    private static final long MIB = PartSizing.MIB;
    private static final String ASSET = "alice/Big one/4f3a9b2c1d0e5f6a7b8c9d0e/source.mp4";
    private static final int PARTS = 8;

    private static S3Server server;
    private static int buckets;

    @TempDir
    Path root;

    private S3Target s3;
    private Manifest.Entry entry;

    @BeforeAll
    static void startServer() {
        server = S3Server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void makeBackupAndBucket() throws Exception {
        String bucket = "runs-" + (++buckets);
        server.createBucket(bucket);
        s3 = server.target(bucket);
        Path file = root.resolve(ASSET);
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[(int) (PARTS * 5 * MIB - 1000)];
        new Random(42).nextBytes(bytes);
        Files.write(file, bytes);
        try (Manifest manifest = Manifest.open(root)) {
            entry = Manifest.Entry.of(root, file, Digests.of(file, true), "alice",
                    "4f3a9b2c1d0e5f6a7b8c9d0e", "source", Instant.now());
            manifest.record(entry);
            manifest.save();
        }
    }

    @AfterEach
    void closeTarget() {
        s3.close();
    }

    @Test
    void cancelledMultipartUploadResumesWithoutResendingFinishedParts() throws Exception {
        RecordingTarget first = new RecordingTarget(s3);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        first.afterPart = () -> {
            if (acknowledged.incrementAndGet() == 3) {
                cancelled.set(true);
            }
        };
        MigrationSummary stopped = run(first, cancelled);
        Set<Integer> recorded = UploadState.load(root, true).upload("pre/" + ASSET)
                .orElseThrow().parts().keySet();

        RecordingTarget second = new RecordingTarget(s3);
        MigrationSummary resumed = run(second, new AtomicBoolean());

        assertThat(stopped.wasCancelled()).isTrue();
        assertThat(recorded).isNotEmpty().isSubsetOf(first.partsSent);
        Set<Integer> missing = IntStream.rangeClosed(1, PARTS).boxed()
                .filter(n -> !recorded.contains(n)).collect(Collectors.toSet());
        assertThat(second.partsSent).isEqualTo(missing);
        assertThat(resumed.complete()).as(resumed.failures().toString()).isTrue();
        assertThat(resumed.resumedParts()).isEqualTo(recorded.size());
        assertThat(md5Of(new ObjectKey("pre/" + ASSET))).isEqualTo(entry.md5());
        assertThat(s3.listUploads("pre/")).isEmpty();
        assertThat(root.resolve(UploadState.FILE_NAME)).doesNotExist();
    }

    @Test
    void partsGoOutInParallelAndTheObjectIsChecked() throws Exception {
        RecordingTarget target = new RecordingTarget(s3);

        MigrationSummary summary = run(target, new AtomicBoolean());

        assertThat(summary.complete()).as(summary.failures().toString()).isTrue();
        assertThat(target.partsSent).hasSize(PARTS);
        assertThat(target.maxPartsInFlight.get()).isBetween(2, 3);
        assertThat(s3.head(new ObjectKey("pre/" + ASSET)).orElseThrow().etag())
                .endsWith("-" + PARTS);
        assertThat(md5Of(new ObjectKey("pre/" + ASSET))).isEqualTo(entry.md5());
    }

    @Test
    void corruptPartIsRefusedByTheServerAndTheRunReportsIt() throws Exception {
        RecordingTarget target = new RecordingTarget(s3);
        target.corruptParts = Set.of(2);

        MigrationSummary summary = run(target, new AtomicBoolean());

        assertThat(summary.complete()).isFalse();
        assertThat(summary.failures()).singleElement().satisfies(problem -> {
            assertThat(problem.label()).isEqualTo(ASSET);
            assertThat(problem.reason()).contains("BadDigest", "UploadPart 2");
        });
        assertThat(target.partsSent).doesNotContain(2);
        assertThat(s3.head(new ObjectKey("pre/" + ASSET))).isEmpty();
        assertThat(summary.keptUploads()).isEqualTo(1);
    }

    @Test
    void orphanedUploadsUnderThePrefixAreAbortedAndOthersKept() throws Exception {
        s3.createUpload(new ObjectKey("pre/stray/object.bin"), new ObjectMeta("a/b", Map.of()));
        String outside = s3.createUpload(new ObjectKey("other/object.bin"),
                new ObjectMeta("a/b", Map.of()));

        MigrationSummary summary = run(new RecordingTarget(s3), new AtomicBoolean());

        assertThat(summary.abortedUploads()).isEqualTo(1);
        assertThat(s3.listUploads("pre/")).isEmpty();
        assertThat(s3.listUploads("other/")).extracting(u -> u.uploadId())
                .containsExactly(outside);
    }

    @Test
    void aListingOfOpenUploadsThatFailsOnceIsRetried() throws Exception {
        RecordingTarget target = new RecordingTarget(s3);
        target.failedListings = n -> n == 1 || n == 3;

        MigrationSummary summary = run(target, new AtomicBoolean());

        assertThat(summary.complete()).as(summary.failures().toString()).isTrue();
        assertThat(md5Of(new ObjectKey("pre/" + ASSET))).isEqualTo(entry.md5());
    }

    @Test
    void aCleanUpThatKeepsFailingLeavesTheRunIncompleteWithEveryObjectSent() throws Exception {
        s3.createUpload(new ObjectKey("pre/stray/object.bin"), new ObjectMeta("a/b", Map.of()));
        RecordingTarget target = new RecordingTarget(s3);
        target.failedListings = n -> n > 1;

        MigrationSummary summary = run(target, new AtomicBoolean());

        assertThat(summary.complete()).isFalse();
        assertThat(summary.failures()).singleElement().satisfies(problem -> assertThat(
                problem.reason()).contains("not cleaned up").contains("rerun to abort"));
        assertThat(md5Of(new ObjectKey("pre/" + ASSET))).isEqualTo(entry.md5());
        assertThat(s3.listUploads("pre/")).hasSize(1);
    }

    @Test
    void fileNotInTheManifestIsLeftOutAndNamed() throws Exception {
        Files.writeString(root.resolve("alice/stray.txt"), "not verified");

        MigrationSummary summary = run(new RecordingTarget(s3), new AtomicBoolean());

        assertThat(summary.complete()).isFalse();
        assertThat(summary.unverified()).extracting(RunSummary.Problem::label)
                .containsExactly("alice/stray.txt");
        assertThat(s3.head(new ObjectKey("pre/alice/stray.txt"))).isEmpty();
        assertThat(s3.head(new ObjectKey("pre/MANIFEST.tsv"))).isPresent();
    }

    private MigrationSummary run(RecordingTarget target, AtomicBoolean cancelled)
            throws Exception {
        MigrationRun run = new MigrationRun(target, MigrationListener.NONE,
                Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(2), 2),
                cancelled::get);
        return run.run(new MigrationOptions(root, "pre", false, 3, 5 * MIB));
    }

    private String md5Of(ObjectKey key) throws Exception {
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
