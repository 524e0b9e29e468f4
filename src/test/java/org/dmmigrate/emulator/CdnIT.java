package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed downloads, redirects, ranges, conditional requests, thumbnails and expiry. */
class CdnIT {

    private static final Pattern DOWNLOAD_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+"
            + "/route/http/5000000000000000000000b2/5000000000000000000000d4/"
            + "source-1400000702\\.mp4)\\?filename=([^&]+)&auth=(\\d+)-3-([a-z0-9]{8})-"
            + "([0-9a-f]{32})");

    private final MutableClock clock = new MutableClock();
    private final TestHttp http = new TestHttp();
    private TestCatalog catalog;
    private Emulator emulator;
    private TestApi api;

    @BeforeEach
    void start() {
        catalog = new TestCatalog();
        emulator = Emulator.builder().catalog(catalog).port(0).clock(clock)
                .downloadTtl(Duration.ofHours(1)).build().start();
        api = new TestApi(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void downloadUrlHasTheServiceShapeAndTheOwnersSignature() {
        String url = assetUrl("source", "download_url");

        Matcher matcher = DOWNLOAD_URL.matcher(url);

        assertThat(matcher.matches()).as(url).isTrue();
        assertThat(URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8))
                .isEqualTo("vid\u00e9o_d_\u00e9t\u00e9-source-1400000702.mp4");
        long expires = Long.parseLong(matcher.group(3));
        assertThat(expires).isEqualTo(clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(matcher.group(5)).isEqualTo(TestSigner.md5("3" + matcher.group(1) + expires
                + matcher.group(4) + TestCatalog.ALICE.apiKey()));
    }

    @Test
    void signedDownloadRedirectsToATokenPathThatServesTheBytes() {
        String location = http.location(assetUrl("source", "download_url"));

        HttpResponse<byte[]> response = http.get(location);

        assertThat(location).matches(Pattern.quote(emulator.baseUrl().toString())
                + "/files/5000000000000000000000b2/5000000000000000000000d4/"
                + "source-1400000702\\.mp4\\?token=\\d+-[0-9a-f]{32}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("300000");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.headers().firstValue("ETag"))
                .hasValue("\"" + md5(catalog.source()) + "\"");
        assertThat(response.body()).isEqualTo(bytes(catalog.source()));
    }

    @Test
    void streamUrlOfARenditionIsSignedToo() {
        String stream = assetUrl("mp4_h264_aac", "stream_url");

        HttpResponse<byte[]> response = http.download(stream);

        assertThat(stream).contains("/route/" + TestCatalog.ALICE.id() + "/");
        assertThat(response.body()).isEqualTo(catalog.rendition().bytes());
    }

    @Test
    void rangeRequestReturnsPartialContent() {
        String location = http.location(assetUrl("source", "download_url"));
        byte[] all = bytes(catalog.source());

        HttpResponse<byte[]> middle = http.get(location, "Range", "bytes=100-199");
        HttpResponse<byte[]> open = http.get(location, "Range", "bytes=299990-");
        HttpResponse<byte[]> suffix = http.get(location, "Range", "bytes=-5");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-199/300000");
        assertThat(middle.headers().firstValue("Content-Length")).hasValue("100");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(all, 100, 200));
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(all, 299990, 300000));
        assertThat(suffix.headers().firstValue("Content-Range"))
                .hasValue("bytes 299995-299999/300000");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(all, 299995, 300000));
    }

    @Test
    void unsatisfiableRangeIsRefusedWith416() {
        String location = http.location(assetUrl("source", "download_url"));

        HttpResponse<byte[]> response = http.get(location, "Range", "bytes=300000-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */300000");
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() {
        String location = http.location(assetUrl("source", "download_url"));

        HttpResponse<byte[]> response = http.head(location);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("300000");
        assertThat(response.body()).isEmpty();
        assertThat(emulator.recorder().bytesServed()).isZero();
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheCurrentEtag() {
        String location = http.location(assetUrl("source", "download_url"));
        String etag = "\"" + md5(catalog.source()) + "\"";

        HttpResponse<byte[]> same = http.get(location, "Range", "bytes=10-19", "If-Range", etag);
        HttpResponse<byte[]> stale = http.get(location, "Range", "bytes=10-19",
                "If-Range", "\"0123\"");

        assertThat(same.statusCode()).isEqualTo(206);
        assertThat(same.body()).hasSize(10);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).hasSize(300000);
    }

    @Test
    void expiredLinkIsForbidden() {
        String url = assetUrl("source", "download_url");

        clock.advance(Duration.ofMinutes(61));
        HttpResponse<byte[]> response = http.get(url);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void expiredFileTokenIsForbidden() {
        String location = http.location(assetUrl("source", "download_url"));

        clock.advance(Duration.ofSeconds(CdnHandler.FILE_TOKEN_SECONDS + 1));
        HttpResponse<byte[]> response = http.get(location);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedOrUnsignedLinksAreForbidden() {
        String url = assetUrl("source", "download_url");
        String location = http.location(url);
        String digest = url.substring(url.length() - 32);
        String flipped = (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1);

        int tampered = http.get(url.substring(0, url.length() - 32) + flipped).statusCode();
        int unsigned = http.get(url.substring(0, url.indexOf("&auth="))).statusCode();
        int noToken = http.get(location.substring(0, location.indexOf('?'))).statusCode();
        int otherAsset = http.get(location.replace("/source-", "/mp4_h264_aac-")).statusCode();

        assertThat(tampered).isEqualTo(403);
        assertThat(unsigned).isEqualTo(403);
        assertThat(noToken).isEqualTo(403);
        assertThat(otherAsset).isEqualTo(403);
    }

    @Test
    void thumbnailsAreServedUnsignedAsJpeg() {
        String url = assetUrl("jpeg_thumbnail_medium", "stream_url");

        HttpResponse<byte[]> response = http.get(url);
        int video = http.get(url.replace("jpeg_thumbnail_medium-1400000950.jpeg",
                "source-1400000702.mp4")).statusCode();

        assertThat(url).isEqualTo(emulator.baseUrl() + "/static/" + TestCatalog.ALICE.id() + "/"
                + TestCatalog.VIDEO + "/jpeg_thumbnail_medium-1400000950.jpeg");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.body()).isEqualTo(catalog.thumbnail().bytes());
        assertThat(video).isEqualTo(404);
    }

    @Test
    void assetsWithoutContentGetNoUrls() {
        JsonNode assets = assets();

        for (String name : new String[] {"mp4_h264_aac_ld", "flv_h263_mp3", "abs"}) {
            assertThat(assets.get(name).has("download_url")).isFalse();
            assertThat(assets.get(name).has("stream_url")).isFalse();
        }
        assertThat(assets.get("jpeg_thumbnail_medium").has("download_url")).isFalse();
        assertThat(assets.get("source").has("stream_url")).isFalse();
    }

    @Test
    void recorderCountsTheBodyBytesPerAsset() {
        String location = http.location(assetUrl("source", "download_url"));

        http.get(location);
        http.get(location, "Range", "bytes=0-99");
        http.get(assetUrl("jpeg_thumbnail_medium", "stream_url"));
        long source = emulator.recorder().bytesServed(TestCatalog.VIDEO, "source");
        long total = emulator.recorder().bytesServed();
        long downloads = emulator.recorder().downloads(TestCatalog.VIDEO, "source");
        emulator.recorder().reset();

        assertThat(source).isEqualTo(300_100);
        assertThat(total).isEqualTo(300_100 + 5120);
        assertThat(downloads).isEqualTo(2);
        assertThat(emulator.recorder().bytesServed()).isZero();
        assertThat(emulator.recorder().calls()).isEmpty();
    }

    @Test
    void createdTimesFollowTheEmulatorClock() {
        Instant now = clock.instant();

        String id = api.result(TestCatalog.ALICE, "media.create", TestApi.args())
                .get("id").asText();

        assertThat(emulator.media(id).orElseThrow().created()).isEqualTo(now.getEpochSecond());
    }

    private JsonNode assets() {
        return api.result(TestCatalog.ALICE, "media.get_assets",
                TestApi.args().put("id", TestCatalog.VIDEO));
    }

    private String assetUrl(String asset, String key) {
        return assets().get(asset).get(key).asText();
    }

    static byte[] bytes(Content content) {
        try (var in = content.open(0)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String md5(Content content) {
        return InMemoryContent.md5(bytes(content));
    }
}
