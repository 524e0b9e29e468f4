package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.FaultKind;
import org.dmmigrate.emulator.FaultPlan;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.dmmigrate.engine.BackupLayout;
import org.dmmigrate.engine.Manifest;
import org.dmmigrate.target.s3.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dmmigrate --from-api: from an emulator that misbehaves (connection resets, HTTP errors)
 * straight into a real s3proxy, checked against a dmdownload backup of the same catalog.
 */
class MigrateFromApiIT {

    private static final int RUNS = 6;

    private static S3Server server;
    private static int buckets;

    @TempDir
    Path reference;

    @TempDir
    Path work;

    @BeforeAll
    static void startS3() {
        server = S3Server.start();
        MigrateRunner.useCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
    }

    @AfterAll
    static void stopS3() {
        MigrateRunner.clearCredentials();
        server.close();
    }

    @Test
    void sampleUserStreamsThroughResetsAndHttpErrorsIntoVerifiedObjects() throws Exception {
        migrateAndCompare(SampleCatalog.create(), List.of("--user", "bob"),
                List.of("reset:p=0.4,after=8k", "http-error:p=0.4,on=cdn"));
    }

    @Test
    void largeSourceStreamsInPartsThroughResets() throws Exception {
        migrateAndCompare(SyntheticCatalog.create(1, 1, 12L << 20, 0, 5),
                List.of("--part-size-mib", "5", "--multipart-above-mib", "5"),
                List.of("reset:p=1,after=2m,times=3"));
    }

    private void migrateAndCompare(Catalog catalog, List<String> extra, List<String> faults)
            throws Exception {
        String bucket = "api-" + (++buckets);
        server.createBucket(bucket);
        FaultPlan plan = FaultPlan.parse(faults, 42);
        try (Emulator emulator = Emulator.builder().catalog(catalog).port(0).faults(plan)
                .build().start()) {
            List<String> filter = extra.contains("--user") ? List.of("--user", "bob")
                    : List.of();
            plan.clear();
            DownloadRunner.Result download = DownloadRunner.run(emulator, reference,
                    filter.toArray(String[]::new));
            assertThat(download.exitCode()).as(download.all()).isEqualTo(ExitCodes.OK);
            FaultPlan.parse(faults, 42).faults().forEach(plan::add);

            CliRun run = fromApi(emulator, bucket, extra);
            for (int i = 1; i < RUNS && run.exitCode() == ExitCodes.INCOMPLETE; i++) {
                run = fromApi(emulator, bucket, extra);
            }

            assertThat(plan.fired(FaultKind.RESET)).as("the reset fired").isPositive();
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            CliRun rerun = fromApi(emulator, bucket, extra);
            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCodes.OK);
            assertThat(rerun.out()).contains("uploaded          0 objects, 0 B (sent 0 B in 0 "
                    + "requests");
        }
        List<Manifest.Entry> entries;
        try (Manifest manifest = Manifest.open(reference)) {
            entries = manifest.entries();
        }
        assertThat(entries).isNotEmpty();
        int multipart = 0;
        for (Manifest.Entry entry : entries) {
            String etag = server.client().headObject(b -> b.bucket(bucket)
                    .key("api/" + entry.path())).eTag();
            if (entry.size() > 5L << 20) {
                assertThat(etag).as("streamed in parts").endsWith("-3\"");
                multipart++;
            }
            byte[] bytes = server.client().getObjectAsBytes(b -> b.bucket(bucket)
                    .key("api/" + entry.path())).asByteArray();
            assertThat(MigrateSampleIT.md5(bytes)).as(entry.path()).isEqualTo(entry.md5());
            assertThat(server.client().headObject(b -> b.bucket(bucket)
                    .key("api/" + entry.path())).metadata())
                    .containsEntry("media-id", entry.mediaId())
                    .containsEntry("source-md5", entry.md5());
        }
        assertThat(multipart).isEqualTo(extra.contains("--part-size-mib") ? 1 : 0);
        assertThat(server.client().listMultipartUploads(b -> b.bucket(bucket)).uploads())
                .isEmpty();
        try (Stream<Path> files = Files.walk(work)) {
            List<String> names = new ArrayList<>(files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).toList());
            names.removeIf(n -> n.startsWith(".dmmigrate") || n.equals(BackupLayout.MEDIA_JSON)
                    || n.equals(BackupLayout.ASSETS_JSON));
            assertThat(names).as("no local copy of any asset").isEmpty();
        }
    }

    private CliRun fromApi(Emulator emulator, String bucket, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--from-api",
                "--api-url", emulator.baseUrl().toString(),
                "--user-id", emulator.catalog().admin().id(),
                "--api-key", emulator.catalog().admin().apiKey(),
                "--read-timeout", "PT2S"));
        args.addAll(extra);
        return MigrateRunner.run(server, work, "s3://" + bucket + "/api",
                args.toArray(String[]::new));
    }
}
