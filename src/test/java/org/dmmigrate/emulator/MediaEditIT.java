package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads, media.create, media.set_assets and media.delete over the overlay. */
class MediaEditIT {

    private static final EmulatedUser ALICE = TestCatalog.ALICE;

    private Emulator emulator;
    private TestApi api;
    private final TestHttp http = new TestHttp();

    @BeforeEach
    void start() {
        emulator = Emulator.builder().catalog(new TestCatalog()).port(0).build().start();
        api = new TestApi(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void fileUploadIssuesAnUploadUrlOnTheEmulator() {
        String url = api.result(ALICE, "file.upload", TestApi.args()).get("url").asText();

        assertThat(url).matches("http://127\\.0\\.0\\.1:" + emulator.port()
                + "/upload\\?uuid=[0-9a-f]{32}&seal=[0-9a-f]{32}");
    }

    @Test
    void uploadAnswersUrlSealHashNameAndSize() {
        byte[] bytes = InMemoryContent.pattern(92543, 9).bytes();

        JsonNode answer = upload("clip.3gp", bytes);

        assertThat(answer.get("url").asText()).startsWith(emulator.baseUrl() + "/uploads/")
                .endsWith(".3gp");
        assertThat(answer.get("seal").asText()).matches("[0-9a-f]{32}");
        assertThat(answer.get("hash").asText()).isEqualTo(sha1(bytes));
        assertThat(answer.get("name").asText()).isEqualTo("clip");
        assertThat(answer.get("size").asLong()).isEqualTo(92543);
        assertThat(emulator.recorder().bytesUploaded()).isEqualTo(92543);
    }

    @Test
    void uploadWithAForgedSealIsForbidden() {
        String url = api.result(ALICE, "file.upload", TestApi.args()).get("url").asText();
        String forged = url.substring(0, url.indexOf("seal=") + 5) + "0".repeat(32);

        HttpResponse<byte[]> response = http.upload(forged, "a.mp4", new byte[] {1, 2, 3});

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void mediaCreateIngestsAnUploadAsAReadySource() {
        byte[] bytes = InMemoryContent.pattern(120_000, 5).bytes();
        String uploaded = upload("holiday.mp4", bytes).get("url").asText();
        ObjectNode args = TestApi.args().put("url", uploaded);
        args.putArray("assets_names").add("mp4_h264_aac").add("mp4_h264_aac");
        args.putObject("meta").put("title", "Holiday");

        String id = api.result(ALICE, "media.create", args).get("id").asText();
        JsonNode assets = api.result(ALICE, "media.get_assets", TestApi.args().put("id", id));
        HttpResponse<byte[]> download = http.download(
                assets.get("source").get("download_url").asText());

        JsonNode source = assets.get("source");
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(source.get("status").asText()).isEqualTo("ready");
        assertThat(source.get("checksum").asText()).isEqualTo(InMemoryContent.md5(bytes));
        assertThat(source.get("file_size").asLong()).isEqualTo(120_000);
        assertThat(source.get("file_extension").asText()).isEqualTo("mp4");
        assertThat(source.get("container").asText()).isEqualTo("MPEG-4");
        assertThat(assets.get("mp4_h264_aac").toString()).isEqualTo("{\"status\":\"pending\"}");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
    }

    @Test
    void createdMediaComeFirstInTheOwnersListing() {
        ObjectNode args = TestApi.args();
        args.putObject("meta").put("title", "Newest");

        String id = api.result(ALICE, "media.create", args).get("id").asText();
        JsonNode page = api.result(ALICE, "media.search", TestApi.args());

        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("list").get(0).get("id").asText()).isEqualTo(id);
        assertThat(page.get("list").get(0).get("meta").get("title").asText()).isEqualTo("Newest");
    }

    @Test
    void mediaCreateFromAForeignUrlFailsTheSourceWithoutFetchingIt() {
        ObjectNode args = TestApi.args().put("url", "http://upload-02.dmcloud.net/files/x.3gp");

        String id = api.result(ALICE, "media.create", args).get("id").asText();
        JsonNode assets = api.result(ALICE, "media.get_assets", TestApi.args().put("id", id));

        assertThat(assets.get("source").toString()).isEqualTo("{\"status\":\"error\"}");
    }

    @Test
    void mediaCreateRefusesAssetNamesWithoutUrl() {
        ObjectNode args = TestApi.args();
        args.putArray("assets_names").add("mp4_h264_aac");

        assertThat(api.errorCode(ALICE, null, "media.create", args)).isEqualTo(630);
    }

    @Test
    void setAssetsImportsASourceAndQueuesRenditions() {
        byte[] bytes = "not really a video".getBytes(StandardCharsets.UTF_8);
        String uploaded = upload("x.mov", bytes).get("url").asText();
        String id = api.result(ALICE, "media.create", TestApi.args()).get("id").asText();
        ObjectNode args = TestApi.args().put("id", id);
        args.putArray("assets").add(TestApi.args().put("name", "source").put("url", uploaded))
                .add(TestApi.args().put("name", "mp4_h264_aac_hd").put("action", "transcode"));

        JsonNode none = api.call(ALICE, "media.set_assets", args);
        JsonNode assets = api.result(ALICE, "media.get_assets", TestApi.args().put("id", id));

        assertThat(none.get("result").isNull()).isTrue();
        assertThat(assets.get("source").get("container").asText()).isEqualTo("QuickTime");
        assertThat(assets.get("source").get("file_size").asInt()).isEqualTo(bytes.length);
        assertThat(assets.get("mp4_h264_aac_hd").get("status").asText()).isEqualTo("pending");
    }

    @Test
    void deletedMediaAreNotFoundAndLeaveTheListing() {
        JsonNode none = api.call(ALICE, "media.delete", TestApi.args().put("id",
                TestCatalog.VIDEO));

        assertThat(none.get("result").isNull()).isTrue();
        assertThat(api.errorCode(ALICE, null, "media.info", TestApi.args().put("id",
                TestCatalog.VIDEO))).isEqualTo(1010);
        assertThat(api.result(ALICE, "media.search", TestApi.args()).get("total").asInt())
                .isZero();
        assertThat(api.errorCode(ALICE, null, "media.delete", TestApi.args().put("id",
                TestCatalog.VIDEO))).isEqualTo(1010);
        assertThat(emulator.media(TestCatalog.VIDEO)).isEmpty();
    }

    private JsonNode upload(String filename, byte[] bytes) {
        String url = api.result(ALICE, "file.upload", TestApi.args()).get("url").asText();
        HttpResponse<byte[]> response = http.upload(url, filename, bytes);
        assertThat(response.statusCode()).isEqualTo(200);
        return TestApi.parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static String sha1(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
