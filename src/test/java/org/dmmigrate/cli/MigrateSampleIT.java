package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.engine.Manifest;
import org.dmmigrate.engine.MetadataText;
import org.dmmigrate.target.s3.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** dmmigrate of the sample organisation's backup into a real s3proxy, over loopback. */
class MigrateSampleIT {

    @TempDir
    static Path backup;

    private static S3Server server;
    private static int bucketCount;

    private String bucket;

    @BeforeAll
    static void backUpTheSampleAndStartS3() {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).port(0)
                .build()) {
            emulator.start();
            DownloadRunner.Result download = DownloadRunner.run(emulator, backup);
            assertThat(download.exitCode()).as(download.all()).isIn(ExitCodes.OK,
                    ExitCodes.INCOMPLETE);
        }
        server = S3Server.start();
        MigrateRunner.useCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
    }

    @AfterAll
    static void stopS3() {
        MigrateRunner.clearCredentials();
        server.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "sample-" + (++bucketCount);
        server.createBucket(bucket);
    }

    @AfterEach
    void restoreCredentials() {
        MigrateRunner.useCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
    }

    @Test
    void everyVerifiedFileAndSidecarArrivesWithItsBytesAndMetadata() throws Exception {
        CliRun run = MigrateRunner.run(server, backup, "s3://" + bucket + "/dm");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<Manifest.Entry> entries;
        try (Manifest manifest = Manifest.open(backup)) {
            entries = manifest.entries();
        }
        assertThat(entries).isNotEmpty();
        Set<String> titles = new HashSet<>();
        for (Manifest.Entry entry : entries) {
            String key = "dm/" + entry.path();
            ResponseBytes<GetObjectResponse> object = server.client()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(key));
            assertThat(md5(object.asByteArray())).as(key).isEqualTo(entry.md5());
            HeadObjectResponse head = server.client().headObject(b -> b.bucket(bucket)
                    .key(key));
            assertThat(head.metadata()).as(key)
                    .containsEntry("media-id", entry.mediaId())
                    .containsEntry("asset-name", entry.assetName())
                    .containsEntry("user", MetadataText.encode(entry.user()))
                    .containsEntry("source-md5", entry.md5());
            String title = head.metadata().get("title");
            if (title != null) {
                assertThat(title).matches("[ -~]*");
                titles.add(MetadataText.decode(title));
            }
            if (key.endsWith(".mp4")) {
                assertThat(head.contentType()).isEqualTo("video/mp4");
            } else if (key.endsWith(".jpg")) {
                assertThat(head.contentType()).isEqualTo("image/jpeg");
            }
        }
        assertThat(titles).contains("My holiday video (2014)", "東京の夏祭り 映像");
        List<String> keys = keys();
        assertThat(keys).contains("dm/MANIFEST.tsv", "dm/SHA256SUMS", "dm/MD5SUMS",
                "dm/REPORT.txt", "dm/REPORT.json", "dm/bob/media.json");
        assertThat(keys).filteredOn(k -> k.endsWith("/assets.json")).isNotEmpty();
        assertThat(keys).noneMatch(k -> k.contains(".dmmigrate") || k.endsWith(".part"));
        assertThat(server.client().headObject(b -> b.bucket(bucket).key("dm/MANIFEST.tsv"))
                .contentType()).startsWith("text/tab-separated-values");
        byte[] manifest = Files.readAllBytes(backup.resolve(Manifest.FILE_NAME));
        assertThat(server.client().getObjectAsBytes(b -> b.bucket(bucket)
                .key("dm/MANIFEST.tsv")).asByteArray()).isEqualTo(manifest);
    }

    @Test
    void rerunSendsNothing() throws Exception {
        CliRun first = MigrateRunner.run(server, backup, "s3://" + bucket);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        List<String> before = keys();

        CliRun second = MigrateRunner.run(server, backup, "s3://" + bucket);

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("uploaded          0 objects, 0 B (sent 0 B in 0 "
                + "requests").doesNotContain("sent    ");
        assertThat(second.out()).contains("already present   " + before.size() + " objects");
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void checkConfirmsTheBucketAndNamesAMissingObject() throws Exception {
        CliRun migrated = MigrateRunner.run(server, backup, "s3://" + bucket + "/x");
        assertThat(migrated.exitCode()).as(migrated.toString()).isEqualTo(ExitCodes.OK);
        CliRun good = MigrateRunner.run(server, backup, "s3://" + bucket + "/x", "--check");
        String victim;
        try (Manifest manifest = Manifest.open(backup)) {
            victim = manifest.entries().get(0).path();
        }

        server.client().deleteObject(b -> b.bucket(bucket).key("x/" + victim));
        CliRun bad = MigrateRunner.run(server, backup, "s3://" + bucket + "/x", "--check");

        assertThat(good.exitCode()).as(good.toString()).isEqualTo(ExitCodes.OK);
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(bad.out()).contains(victim + ": missing from the target");
    }

    @Test
    void fakeRunPlansWithoutWriting() throws Exception {
        CliRun run = MigrateRunner.run(server, backup, "s3://" + bucket, "--fake");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Plan of", "would send");
        assertThat(keys()).isEmpty();
    }

    @Test
    void wrongSecretGivesExitTenAndNeverShowsTheSecret() throws Exception {
        String secret = "Wr0ngSecretThatMustNotBePrinted";
        MigrateRunner.useCredentials(S3Server.ACCESS_KEY, secret);

        CliRun run = MigrateRunner.run(server, backup, "s3://" + bucket, "-vv");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.err()).contains("rejected the credentials", "AWS_SECRET_ACCESS_KEY");
        assertThat(run.out() + run.err()).doesNotContain(secret)
                .doesNotContain(S3Server.SECRET_KEY);
        assertThat(keys()).isEmpty();
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        server.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach((S3Object o) -> keys.add(o.key()));
        return keys;
    }

    static String md5(byte[] bytes) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
