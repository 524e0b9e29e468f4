package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmmigrate.emulator.BackupTreeWriter;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.engine.CompletenessReport;
import org.dmmigrate.engine.Coreutils;
import org.dmmigrate.engine.Manifest;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.Credentials;
import org.dmmigrate.protocol.http.ClientConfig;
import org.dmmigrate.protocol.http.HttpCloudkeyClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dmverify on backups that dmdownload made of the emulator's sample organisation. */
class VerifyCommandIT {

    private static final String HOLIDAY = "bob/My holiday video (2014)/"
            + SampleCatalog.HOLIDAY_MEDIA_ID + "/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dst;

    @RegisterExtension
    final SampleEmulator sample = new SampleEmulator();

    @Test
    void intactBackupOfBobVerifies() throws IOException {
        backUp("--user=bob");

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("COMPLETE").contains("bob");
        JsonNode bob = report().get("users").get("bob");
        assertThat(bob.get("assets_expected").asLong()).isEqualTo(5);
        assertThat(bob.get("assets_present").asLong()).isEqualTo(5);
        assertThat(bob.get("bytes_present").asLong()).isEqualTo(174082);
        assertThat(dst.resolve("REPORT.txt")).content().contains("offline verification");
    }

    @Test
    void fullSampleIsIncompleteBecauseOfAssetsNotReadyOrInError() throws IOException {
        CliRun download = CliRun.against(sample.get(), "dmdownload", dst.toString());

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(download.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INCOMPLETE);
        JsonNode total = report().get("total");
        assertThat(total.get("not_ready").asLong()).isEqualTo(4);
        assertThat(total.get("in_error").asLong()).isEqualTo(2);
        assertThat(total.get("missing").asLong()).isZero();
        assertThat(total.get("corrupt").asLong()).isZero();
        assertThat(total.get("assets_present").asLong())
                .isEqualTo(total.get("assets_expected").asLong()).isGreaterThan(50);
        assertThat(total.get("skipped_by_kind").get("adaptive streaming").asLong()).isPositive();
        assertThat(report().get("users").get("alice").get("complete").asBoolean()).isFalse();
        assertThat(report().get("users").get("bob").get("complete").asBoolean()).isTrue();
    }

    @Test
    void deletedFileIsMissing() throws IOException {
        backUp("--user=bob");
        Files.delete(dst.resolve(HOLIDAY + "source.mp4"));

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(finding("missing")).containsEntry("path", HOLIDAY + "source.mp4");
        assertThat(run.out()).contains("missing").contains(HOLIDAY + "source.mp4");
    }

    @Test
    void truncatedFileIsCorruptBySize() throws IOException {
        backUp("--user=bob");
        Path file = dst.resolve(HOLIDAY + "mp4_h264_aac_hd.mp4");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(finding("corrupt")).containsEntry("path", HOLIDAY + "mp4_h264_aac_hd.mp4")
                .extractingByKey("detail").asString()
                .contains("size " + (bytes.length - 100) + ", listing says " + bytes.length);
    }

    @Test
    void alteredByteInASourceIsCorruptByItsChecksum() throws IOException {
        backUp("--user=bob");
        flipByte(dst.resolve(HOLIDAY + "source.mp4"));

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(finding("corrupt")).containsEntry("path", HOLIDAY + "source.mp4")
                .extractingByKey("detail").asString().contains("listing's checksum");
    }

    @Test
    void alteredByteInARenditionIsCorruptThroughTheManifest() throws IOException {
        backUp("--user=bob");
        CliRun first = CliRun.of("dmverify", dst.toString());
        flipByte(dst.resolve(HOLIDAY + "mp4_h264_aac_hd.mp4"));

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(finding("corrupt")).containsEntry("path", HOLIDAY + "mp4_h264_aac_hd.mp4")
                .extractingByKey("detail").asString().contains("manifest says")
                .doesNotContain("listing");
    }

    @Test
    void strayPartialFileIsALeftover() throws IOException {
        backUp("--user=bob");
        Files.writeString(dst.resolve(HOLIDAY + "source.mp4.part"), "half");

        CliRun run = CliRun.of("dmverify", dst.toString());
        CliRun strict = CliRun.of("dmverify", "--strict", dst.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(finding("leftover")).containsEntry("path", HOLIDAY + "source.mp4.part")
                .containsEntry("user", "bob");
        assertThat(report().get("users").get("bob").get("leftover_partial").asLong()).isOne();
    }

    @Test
    void fileInNoListingIsExtraButTheToolsOwnFilesAreNot() throws IOException {
        backUp("--user=bob");
        Files.writeString(dst.resolve(HOLIDAY + "notes.txt"), "mine");
        Files.createDirectories(dst.resolve("catalog"));
        Files.writeString(dst.resolve("catalog/index.html"), "<html>");
        CliRun.of("dmverify", dst.toString());

        CliRun run = CliRun.of("dmverify", "--strict", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(findings()).singleElement().satisfies(finding -> assertThat(finding)
                .containsEntry("kind", "extra").containsEntry("path", HOLIDAY + "notes.txt"));
    }

    @Test
    void jsonOutputIsTheReportForScripts() throws IOException {
        backUp("--user=bob");

        CliRun run = CliRun.of("dmverify", "--json", dst.toString());

        JsonNode printed = JSON.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(printed.get("complete").asBoolean()).isTrue();
        assertThat(printed.get("service").asText()).isEqualTo("offline verification");
        assertThat(printed.get("scope").asText()).isEqualTo("every user folder");
        assertThat(printed.get("tool").asText()).startsWith("dmverify ");
        assertThat(printed.get("generated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(printed.get("findings").isArray()).isTrue();
        assertThat(printed.get("manifest_entries").asLong()).isEqualTo(5);
        assertThat(printed.get("total").fieldNames()).toIterable().contains("media",
                "assets_expected", "assets_present", "skipped_by_kind", "not_ready",
                "in_error", "failed", "missing", "corrupt", "bytes_expected", "bytes_present",
                "extra", "leftover_partial");
        assertThat(printed.get("users").get("bob").get("media").asLong()).isEqualTo(2);
    }

    @Test
    void coreutilsCheckTheWholeSampleFromDst() throws Exception {
        CliRun.against(sample.get(), "dmdownload", dst.toString());
        CliRun.of("dmverify", dst.toString());

        Coreutils sha = Coreutils.run(dst, "sha256sum", "-c", Manifest.SHA256SUMS);
        Coreutils md5 = Coreutils.run(dst, "md5sum", "-c", Manifest.MD5SUMS);

        assertThat(sha.exitCode()).as(sha.output()).isZero();
        assertThat(md5.exitCode()).as(md5.output()).isZero();
        assertThat(sha.output().lines().count()).isEqualTo(
                report().get("total").get("assets_present").asLong());
        assertThat(Files.readString(dst.resolve(Manifest.SHA256SUMS)))
                .contains("\\\\Videos\\\\final");
    }

    @Test
    void onlineReportsMediaAddedAndChangedOnTheServiceAfterTheBackup() throws IOException {
        backUp("--user=bob");
        String added = createMedia(SampleCatalog.BOB_ID, "Added after the backup");
        sample.get().changeContent(SampleCatalog.TEST_VIDEO_MEDIA_ID, "source");
        Map<String, String> listings = listings();

        CliRun offline = CliRun.of("dmverify", dst.toString());
        CliRun run = CliRun.against(sample.get(), "dmverify", "--online", "--user=bob",
                dst.toString());

        assertThat(offline.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(finding("not_in_backup").get("detail")).contains(added);
        assertThat(finding("changed_on_service").get("path"))
                .contains(SampleCatalog.TEST_VIDEO_MEDIA_ID + "/source.dat");
        assertThat(findings()).extracting(f -> f.get("user")).contains("bob");
        assertThat(report().get("service").asText()).isEqualTo(sample.get().baseUrl().toString());
        assertThat(report().get("scope").asText()).isEqualTo("user bob only");
        assertThat(listings()).isEqualTo(listings);
    }

    @Test
    void treeOfTheOriginalToolIsVerifiedAndGainsAManifest() throws Exception {
        BackupTreeWriter.write(SampleCatalog.create(), dst);

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INCOMPLETE);
        JsonNode total = report().get("total");
        assertThat(findings()).as(run.out()).allSatisfy(finding -> assertThat(finding.get("kind"))
                .isIn("not_ready", "in_error"));
        assertThat(total.get("assets_present").asLong())
                .isEqualTo(total.get("assets_expected").asLong()).isGreaterThan(50);
        assertThat(report().get("manifest_added").asLong())
                .isEqualTo(total.get("assets_present").asLong());
        Coreutils sha = Coreutils.run(dst, "sha256sum", "-c", Manifest.SHA256SUMS);
        assertThat(sha.exitCode()).as(sha.output()).isZero();
        assertThat(Manifest.open(dst).entries()).anyMatch(e -> e.path().contains("\n"));
    }

    @Test
    void reportAfterARunRecordsNewFilesAndTrustsRecordedSizes() throws IOException {
        backUp("--user=bob");
        deleteRecord();
        Manifest manifest = Manifest.open(dst);
        CompletenessReport first = CompletenessReport.afterRun(dst, manifest, "dmdownload test",
                sample.get().baseUrl().toString(), 2, Clock.systemUTC(), () -> false);
        flipByte(dst.resolve(HOLIDAY + "mp4_h264_aac_hd.mp4"));

        CompletenessReport second = CompletenessReport.afterRun(dst, Manifest.open(dst),
                "dmdownload test", sample.get().baseUrl().toString(), 2, Clock.systemUTC(),
                () -> false);
        CliRun full = CliRun.of("dmverify", dst.toString());

        assertThat(first.verification().manifestAdded()).isEqualTo(5);
        assertThat(second.verification().complete()).isTrue();
        assertThat(second.verification().manifestAdded()).isZero();
        assertThat(full.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(Manifest.open(dst).entries()).hasSize(5);
    }

    @Test
    void folderWithoutListingsIsNotABackup() throws IOException {
        Files.writeString(dst.resolve("holiday.mp4"), "x");

        CliRun run = CliRun.of("dmverify", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not a dmdownload backup");
    }

    @Test
    void onlineWithoutCredentialsNamesTheVariable() {
        backUp("--user=bob");

        CliRun run = CliRun.of("dmverify", "--online", "--user-id", "", "--api-key", "",
                dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("DMCLOUD_USER_ID");
    }

    @Test
    void readOnlyWritesNothing() throws IOException {
        backUp("--user=bob");

        deleteRecord();

        CliRun run = CliRun.of("dmverify", "--read-only", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(dst.resolve(Manifest.FILE_NAME)).doesNotExist();
        assertThat(dst.resolve("REPORT.json")).doesNotExist();
    }

    @Test
    void dmdownloadRecordsEveryFileItVerified() throws Exception {
        backUp("--user=bob");

        Manifest manifest = Manifest.open(dst);

        assertThat(manifest.entries()).hasSize(5)
                .allMatch(entry -> entry.sha256().length() == 64 && entry.user().equals("bob"));
        assertThat(Coreutils.run(dst, "sha256sum", "-c", Manifest.SHA256SUMS).exitCode())
                .isZero();
        assertThat(dst.resolve("REPORT.txt")).content().contains("COMPLETE");
    }

    /** Removes what dmdownload recorded, as in a backup made before the record existed. */
    private void deleteRecord() throws IOException {
        for (String name : List.of(Manifest.FILE_NAME, Manifest.SHA256SUMS, Manifest.MD5SUMS,
                "REPORT.json", "REPORT.txt")) {
            Files.deleteIfExists(dst.resolve(name));
        }
    }

    private void backUp(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add(dst.toString());
        CliRun run = CliRun.against(sample.get(), "dmdownload", all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    private String createMedia(String userId, String title) {
        HttpCloudkeyClient client = new HttpCloudkeyClient(ClientConfig.of(sample.get().baseUrl(),
                new Credentials(sample.get().catalog().admin().id(),
                        sample.get().catalog().admin().apiKey())));
        Object result = client.call(Call.of("media.create",
                Map.of("meta", Map.of("title", title))).actingAs(userId));
        return String.valueOf(((Map<?, ?>) result).get("id"));
    }

    private Map<String, String> listings() throws IOException {
        Map<String, String> contents = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(dst)) {
            for (Path file : all.filter(p -> p.endsWith("media.json")
                    || p.endsWith("assets.json")).toList()) {
                contents.put(dst.relativize(file).toString(), Files.readString(file));
            }
        }
        return contents;
    }

    private JsonNode report() throws IOException {
        return JSON.readTree(dst.resolve("REPORT.json").toFile());
    }

    private List<Map<String, String>> findings() throws IOException {
        List<Map<String, String>> list = new java.util.ArrayList<>();
        for (JsonNode node : report().get("findings")) {
            list.add(Map.of("kind", node.get("kind").asText(), "user", node.get("user").asText(),
                    "path", node.get("path").asText(), "detail", node.get("detail").asText()));
        }
        return list;
    }

    private Map<String, String> finding(String kind) throws IOException {
        List<Map<String, String>> matching = findings().stream()
                .filter(f -> f.get("kind").equals(kind)).toList();
        assertThat(matching).as("findings of kind " + kind).hasSize(1);
        return matching.get(0);
    }

    private static void flipByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }
}
