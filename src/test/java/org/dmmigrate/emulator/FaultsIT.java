package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault kind, observed from a real client. */
class FaultsIT {

    private static final int SIZE = 300_000;

    private final TestHttp http = new TestHttp();
    private TestCatalog catalog;
    private Emulator emulator;
    private TestApi api;

    @BeforeEach
    void start() {
        catalog = new TestCatalog();
        emulator = Emulator.builder().catalog(catalog).port(0).faults(new FaultPlan(7))
                .build().start();
        api = new TestApi(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void rateLimitAnswers410AfterTheAllowedCalls() {
        emulator.faults().add(Fault.parse("rate-limit:calls=3,window=1h"));

        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(api.errorCode(TestCatalog.ALICE, null, "media.count", TestApi.args()));
        }

        assertThat(codes).containsExactly(0, 0, 0, 410, 410);
        assertThat(emulator.recorder().calls("media.count").get(3).errorCode()).isEqualTo(410);
    }

    @Test
    void httpErrorOnTheApiAnswersAServerErrorStatus() {
        emulator.faults().add(Fault.parse("http-error:on=api,target=media.count,times=1"));
        String body = signedCountBody();

        HttpResponse<String> failed = api.post(body);
        HttpResponse<String> next = api.post(body);

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(TestApi.parse(next.body()).has("result")).isTrue();
    }

    @Test
    void httpErrorOnTheCdnAnswersTheScriptedStatus() {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("http-error:on=cdn,status=500,target=source"));

        HttpResponse<byte[]> response = http.get(location);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(emulator.recorder().bytesServed()).isZero();
    }

    @Test
    void resetCutsTheConnectionWithAnRst() throws IOException {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("reset:after=64k,target=source"));

        RawHttp.Received received = RawHttp.get(location, 5000);

        assertThat(received.contentLength()).isEqualTo(SIZE);
        assertThat(received.failure()).isInstanceOf(SocketException.class)
                .hasMessageContaining("reset");
        assertThat(received.body().length).isLessThanOrEqualTo(65536);
        assertThat(emulator.recorder().bytesServed(TestCatalog.VIDEO, "source"))
                .isEqualTo(65536);
    }

    @Test
    void truncateClosesEarlyDespiteTheContentLength() throws IOException {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("truncate:after=1000"));

        RawHttp.Received received = RawHttp.get(location, 5000);

        assertThat(received.contentLength()).isEqualTo(SIZE);
        assertThat(received.failure()).isNull();
        assertThat(received.body()).hasSize(1000);
        assertThat(received.body()).isEqualTo(java.util.Arrays.copyOf(bytes(), 1000));
    }

    @Test
    void stallForeverStopsSendingUntilTheClientGivesUp() throws IOException {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("stall:after=1000,for=forever"));

        RawHttp.Received received = RawHttp.get(location, 700);

        assertThat(received.failure()).isInstanceOf(SocketTimeoutException.class);
        assertThat(received.body()).hasSize(1000);
    }

    @Test
    void stallForADurationPausesThenCompletes() throws IOException {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("stall:after=1000,for=800ms"));

        long started = System.nanoTime();
        RawHttp.Received received = RawHttp.get(location, 5000);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(received.failure()).isNull();
        assertThat(received.body()).isEqualTo(bytes());
        assertThat(millis).isGreaterThanOrEqualTo(750);
    }

    @Test
    void corruptFlipsExactlyOneByteAtTheScriptedOffset() {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("corrupt:offset=12345,target=source"));

        byte[] received = http.get(location).body();

        assertThat(differences(received, bytes())).containsExactly(12345);
    }

    @Test
    void corruptWithoutOffsetFlipsOneByteInsideTheServedRange() {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("corrupt:times=1"));

        byte[] first = http.get(location, "Range", "bytes=1000-1999").body();
        byte[] second = http.get(location, "Range", "bytes=1000-1999").body();

        byte[] expected = java.util.Arrays.copyOfRange(bytes(), 1000, 2000);
        assertThat(differences(first, expected)).hasSize(1);
        assertThat(second).isEqualTo(expected);
    }

    @Test
    void expireRefusesAValidLinkEarly() {
        String url = sourceUrl();
        emulator.faults().add(Fault.parse("expire:times=1"));

        int first = http.get(url).statusCode();
        int second = http.get(url).statusCode();

        assertThat(first).isEqualTo(403);
        assertThat(second).isEqualTo(302);
    }

    @Test
    void ignoreRangeAnswersTheWholeFile() {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("ignore-range"));

        HttpResponse<byte[]> response = http.get(location, "Range", "bytes=100-199");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Range")).isEmpty();
        assertThat(response.body()).hasSize(SIZE);
    }

    @Test
    void changeContentGivesNewBytesEtagSizeAndChecksum() {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("change-content:every=2,target=source"));

        HttpResponse<byte[]> first = http.get(location);
        String oldTag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> resumed = http.get(location, "Range", "bytes=1000-",
                "If-Range", oldTag);
        JsonNode source = api.result(TestCatalog.ALICE, "media.get_assets",
                TestApi.args().put("id", TestCatalog.VIDEO)).get("source");

        assertThat(first.body()).isEqualTo(bytes());
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(oldTag);
        assertThat(resumed.body().length).isGreaterThan(SIZE);
        assertThat(source.get("file_size").asLong()).isEqualTo(resumed.body().length);
        assertThat(source.get("checksum").asText())
                .isEqualTo(InMemoryContent.md5(resumed.body()));
        assertThat(source.get("download_url").asText()).contains("/source-1400000703.mp4");
    }

    @Test
    void changeContentFromATestRevisesTheListedChecksum() {
        String before = api.result(TestCatalog.ALICE, "media.get_assets",
                TestApi.args().put("id", TestCatalog.VIDEO)).get("source").get("checksum")
                .asText();

        int revision = emulator.changeContent(TestCatalog.VIDEO, "source");
        String after = api.result(TestCatalog.ALICE, "media.get_assets",
                TestApi.args().put("id", TestCatalog.VIDEO)).get("source").get("checksum")
                .asText();

        assertThat(revision).isEqualTo(1);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void faultsCanBeClearedWhileRunning() {
        String location = sourceLocation();
        emulator.faults().add(Fault.parse("http-error:on=cdn"));

        int failing = http.get(location).statusCode();
        emulator.faults().clear();
        int healthy = http.get(location).statusCode();

        assertThat(failing).isEqualTo(503);
        assertThat(healthy).isEqualTo(200);
    }

    private String signedCountBody() {
        com.fasterxml.jackson.databind.node.ObjectNode request = TestApi.JSON.createObjectNode()
                .put("call", "media.count");
        request.set("args", TestApi.args());
        request.put("auth", TestSigner.auth(TestCatalog.ALICE.id(), TestCatalog.ALICE.apiKey(),
                request));
        return request.toString();
    }

    private String sourceUrl() {
        return api.result(TestCatalog.ALICE, "media.get_assets",
                TestApi.args().put("id", TestCatalog.VIDEO)).get("source").get("download_url")
                .asText();
    }

    private String sourceLocation() {
        return http.location(sourceUrl());
    }

    private byte[] bytes() {
        return CdnIT.bytes(catalog.source());
    }

    private static List<Integer> differences(byte[] left, byte[] right) {
        assertThat(left).hasSameSizeAs(right);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < left.length; i++) {
            if (left[i] != right[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
