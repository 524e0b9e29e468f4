package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the recorder keeps about API calls, and the request log line. */
class RecordingIT {

    private final TestHttp http = new TestHttp();
    private final Logger requests = (Logger) LoggerFactory.getLogger(Emulator.REQUEST_LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level previous;
    private Emulator emulator;
    private TestApi api;

    @BeforeEach
    void start() {
        previous = requests.getLevel();
        requests.setLevel(Level.INFO);
        lines.start();
        requests.addAppender(lines);
        emulator = Emulator.builder().catalog(new TestCatalog()).port(0).build().start();
        api = new TestApi(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
        requests.detachAppender(lines);
        requests.setLevel(previous);
    }

    @Test
    void recordsEveryCallWithCallerActAsAndErrorCode() {
        api.call(TestCatalog.ADMIN, TestCatalog.BOB, "media.count", TestApi.args());
        api.call(TestCatalog.ALICE, null, "media.info", TestApi.args().put("id",
                "5000000000000000000000ee"));
        api.post("not json");

        List<RecordedCall> calls = emulator.recorder().calls();

        assertThat(calls).containsExactly(
                new RecordedCall("media.count", TestCatalog.ADMIN.id(), TestCatalog.BOB.id(),
                        null),
                new RecordedCall("media.info", TestCatalog.ALICE.id(), null, 1010),
                new RecordedCall("", null, null, 500));
        assertThat(emulator.recorder().calls("media.info")).hasSize(1);
        assertThat(calls.get(0).succeeded()).isTrue();
    }

    @Test
    void aRerunThatSkipsDownloadsIsRecordedAsZeroBytes() {
        String url = api.result(TestCatalog.ALICE, "media.get_assets",
                TestApi.args().put("id", TestCatalog.VIDEO)).get("source").get("download_url")
                .asText();
        http.download(url);
        long firstRun = emulator.recorder().bytesServed();
        emulator.recorder().reset();

        api.result(TestCatalog.ALICE, "media.get_assets", TestApi.args().put("id",
                TestCatalog.VIDEO));

        assertThat(firstRun).isEqualTo(300_000);
        assertThat(emulator.recorder().bytesServed()).isZero();
        assertThat(emulator.recorder().bytesByAsset()).isEmpty();
        assertThat(emulator.recorder().calls()).hasSize(1);
    }

    @Test
    void logsOneLinePerRequestWithoutSecrets() throws InterruptedException {
        String url = api.result(TestCatalog.ALICE, "media.get_assets",
                TestApi.args().put("id", TestCatalog.VIDEO)).get("source").get("download_url")
                .asText();
        http.download(url, "Range", "bytes=0-9");

        List<String> messages = awaitLines(3);

        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).matches(
                "served request method=POST path=/api status=200 bytes=\\d+ ms=\\d+");
        assertThat(messages.get(1)).startsWith("served request method=GET path=/route/http/")
                .contains("status=302");
        assertThat(messages.get(2)).contains("path=/files/", "status=206", "bytes=10");
        String digest = url.substring(url.length() - 32);
        assertThat(String.join("\n", messages)).doesNotContain(digest, "auth=", "token=",
                TestCatalog.ALICE.apiKey());
    }

    /** Jetty logs a request after its response completed, so the last line may lag a bit. */
    private List<String> awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                if (lines.list.size() >= count) {
                    break;
                }
            }
            Thread.sleep(10);
        }
        synchronized (lines) {
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
