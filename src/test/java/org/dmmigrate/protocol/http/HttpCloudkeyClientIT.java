package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.Credentials;
import org.dmmigrate.protocol.ErrorKind;
import org.dmmigrate.protocol.FakeTime;
import org.dmmigrate.protocol.RateGovernor;
import org.dmmigrate.protocol.RetryPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpCloudkeyClientIT {

    private static final String USER = "5000000000000000000000a1";
    private static final String KEY = "0123456789abcdef0123456789abcdef01234567";
    private static final String ACT_AS = "5000000000000000000000b2";
    private static final Credentials CREDENTIALS = new Credentials(USER, KEY);
    private static final Call SEARCH = Call.of("media.search",
            Map.of("fields", List.of("id"), "page", 2L, "per_page", 100L)).actingAs(ACT_AS);

    private final ScriptedServer server = new ScriptedServer();
    private final FakeTime time = FakeTime.atEpochSecond(1_330_359_891L);
    private final RateGovernor governor = new RateGovernor(time);
    private final JsonCodec codec = new JsonCodec();
    private final CountDownLatch release = new CountDownLatch(1);

    HttpCloudkeyClientIT() throws IOException {
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.close();
    }

    @Test
    void callIsPostedAsSignedJsonAndItsResultReturned() throws IOException {
        server.then(ScriptedServer.json(200, "{\"result\": {\"list\": [], \"has_more\": false}}"));

        Object result = client(RetryPolicy.none()).call(SEARCH);

        assertThat(result).isEqualTo(Map.of("list", List.of(), "has_more", false));
        ScriptedServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).startsWith("dmcloud-migrate/");
        Map<?, ?> body = (Map<?, ?>) codec.decode(request.body());
        assertThat(body.get("call")).isEqualTo("media.search");
        assertThat(body.get("args")).isEqualTo(SEARCH.args());
        assertThat(body.get("auth")).isEqualTo(new Signer(CREDENTIALS).auth(SEARCH))
                .asString().startsWith(USER + "/" + ACT_AS + ":");
    }

    @Test
    void errorAnsweredWithStatus200IsThrownWithoutRetry() {
        server.then(ScriptedServer.json(200,
                "{\"error\": {\"message\": \"media not found\", \"code\": 1010}}"));

        CallError error = catchThrowableOfType(CallError.class,
                () -> client(RetryPolicy.defaults()).call(SEARCH));

        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(error.isRetryable()).isFalse();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void endlessAnswerIsCutAtTheLimitNotBuffered() {
        server.then((exchange, body) -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            try (var out = exchange.getResponseBody()) {
                for (long sent = 0; sent <= HttpCloudkeyClient.MAX_ANSWER_BYTES; ) {
                    out.write(spaces);
                    sent += spaces.length;
                }
            } catch (IOException closedByTheClient) {
                // Expected: the client stops reading at the limit.
            }
        });

        CallError error = catchThrowableOfType(CallError.class,
                () -> client(RetryPolicy.none()).call(SEARCH));

        assertThat(error.getMessage()).contains("larger than 64 MB");
    }

    @Test
    void htmlBadGatewayIsRetriedUntilTheServiceAnswers() {
        server.then((exchange, body) -> ScriptedServer.send(exchange, 502, "text/html",
                "<html><body>502 Bad Gateway</body></html>"))
                .then(ScriptedServer.json(200, "{\"result\": 3}"));

        Object result = client(RetryPolicy.defaults()).call(SEARCH);

        assertThat(result).isEqualTo(3L);
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void retryAfterSecondsAndDatesAreHonoured() {
        server.then((exchange, body) -> {
            exchange.getResponseHeaders().set("Retry-After", "3");
            ScriptedServer.send(exchange, 503, "text/html", "<h1>busy</h1>");
        }).then((exchange, body) -> {
            exchange.getResponseHeaders().set("Retry-After", "Mon, 27 Feb 2012 16:25:51 GMT");
            ScriptedServer.send(exchange, 503, "text/html", "<h1>busy</h1>");
        }).then(ScriptedServer.json(200, "{\"result\": null}"));

        Object result = client(RetryPolicy.defaults()).call(SEARCH);

        assertThat(result).isNull();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(57));
    }

    @Test
    void rateLimitPausesEveryCallOfTheClient() {
        server.then((exchange, body) -> {
            exchange.getResponseHeaders().set("Retry-After", "4");
            ScriptedServer.send(exchange, 200, "application/json",
                    "{\"error\": {\"message\": \"rate limit exceeded\", \"code\": 410}}");
        }).otherwise(ScriptedServer.json(200, "{\"result\": \"ok\"}"));

        Object result = client(RetryPolicy.defaults()).call(SEARCH);

        assertThat(result).isEqualTo("ok");
        assertThat(governor.nextAllowedAt()).isEqualTo(time.instant());
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void slowAnswerIsARetryableTimeout() {
        server.then((exchange, body) -> {
            awaitRelease();
            ScriptedServer.send(exchange, 200, "application/json", "{\"result\": 1}");
        });
        HttpCloudkeyClient client = new HttpCloudkeyClient(config(RetryPolicy.none())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)), governor, time,
                time, new Random(1));

        CallError error = catchThrowableOfType(CallError.class, () -> client.call(SEARCH));

        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSPORT);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("media.search", "in time");
    }

    @Test
    void connectionClosedWithoutAnswerIsARetryableTransportFault() throws IOException {
        try (ServerSocket closer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> closeEveryConnection(closer));
            acceptor.setDaemon(true);
            acceptor.start();
            URI base = URI.create("http://127.0.0.1:" + closer.getLocalPort());

            CallError error = catchThrowableOfType(CallError.class,
                    () -> client(base, RetryPolicy.defaults().withMaxAttempts(2)).call(SEARCH));

            assertThat(error.kind()).isEqualTo(ErrorKind.TRANSPORT);
            assertThat(error.isRetryable()).isTrue();
            assertThat(error.attempts()).isEqualTo(2);
        }
    }

    @Test
    void refusedConnectionIsARetryableTransportFault() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }

        CallError error = catchThrowableOfType(CallError.class, () -> client(
                URI.create("http://127.0.0.1:" + port), RetryPolicy.none()).call(SEARCH));

        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSPORT);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("cannot reach", "check the network");
    }

    @Test
    void concurrentCallsKeepTheirOwnActAs() throws Exception {
        server.otherwise((exchange, body) -> {
            Map<?, ?> request = (Map<?, ?>) codec.decode(body);
            String auth = (String) request.get("auth");
            ScriptedServer.send(exchange, 200, "application/json",
                    "{\"result\": \"" + auth.substring(0, auth.indexOf(':')) + "\"}");
        });
        HttpCloudkeyClient client = client(RetryPolicy.none());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<@Nullable Object>> answers = new ArrayList<>();

        for (int i = 0; i < 32; i++) {
            String target = String.format("5000000000000000000000%02d", i);
            answers.add(pool.submit(() -> client.call(SEARCH.actingAs(target))));
        }

        for (int i = 0; i < 32; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS))
                    .isEqualTo(USER + "/" + String.format("5000000000000000000000%02d", i));
        }
        pool.shutdown();
    }

    @Test
    void debugLogNamesCallsAndRetriesButNeverSecrets() {
        server.then(ScriptedServer.json(200,
                "{\"error\": {\"message\": \"processing failed\", \"code\": 200}}"))
                .then(ScriptedServer.json(200, "{\"result\": 1}"));
        Logger logger = (Logger) LoggerFactory.getLogger("org.dmmigrate.protocol.http");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);

        try {
            client(RetryPolicy.defaults()).call(SEARCH);
        } finally {
            logger.setLevel(previous);
            logger.detachAppender(appender);
        }

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .toList();
        String digest = new Signer(CREDENTIALS).auth(SEARCH).split(":")[1];
        assertThat(lines).anyMatch(line -> line.startsWith(
                "calling api call=media.search act_as=" + ACT_AS + " page=2"));
        assertThat(lines).anyMatch(line -> line.startsWith(
                "retrying api call call=media.search act_as=" + ACT_AS + " attempt=2 delay="));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(KEY, digest));
    }

    @Test
    void toStringOfClientAndConfigHidesTheKey() {
        HttpCloudkeyClient client = client(RetryPolicy.none());

        assertThat(client.toString()).contains(USER).doesNotContain(KEY);
        assertThat(config(RetryPolicy.none()).toString()).doesNotContain(KEY);
    }

    private HttpCloudkeyClient client(RetryPolicy policy) {
        return client(server.baseUrl(), policy);
    }

    private HttpCloudkeyClient client(URI base, RetryPolicy policy) {
        return new HttpCloudkeyClient(ClientConfig.of(base, CREDENTIALS)
                .withRetryPolicy(policy), governor, time, time, new Random(1));
    }

    private ClientConfig config(RetryPolicy policy) {
        return ClientConfig.of(server.baseUrl(), CREDENTIALS).withRetryPolicy(policy);
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeEveryConnection(ServerSocket closer) {
        while (!closer.isClosed()) {
            try (Socket socket = closer.accept()) {
                socket.getInputStream().read(new byte[512]);
            } catch (IOException ignored) {
                return;
            }
        }
    }
}
