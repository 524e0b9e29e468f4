package org.dmmigrate.protocol.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.CloudkeyApi;
import org.dmmigrate.protocol.RateGovernor;
import org.dmmigrate.protocol.Sleeper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudKey API over HTTP(S): each call is signed, POSTed as JSON to {@code /api} and its
 * answer read whatever the HTTP status; retryable failures are retried by one
 * {@link RetryingCloudkeyApi}. Thread-safe: act-as comes from each {@link Call}, and all
 * threads share one {@link RateGovernor}. Logs never contain the key or auth values.
 */
public final class HttpCloudkeyClient implements CloudkeyApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCloudkeyClient.class);

    /** Far above any real answer (a page of 100 media, the assets of one media). */
    static final long MAX_ANSWER_BYTES = 64_000_000;

    private final ClientConfig config;
    private final URI endpoint;
    private final HttpClient http;
    private final Signer signer;
    private final JsonCodec codec = new JsonCodec();
    private final ResponseReader reader = new ResponseReader(codec);
    private final Clock clock;
    private final CloudkeyApi retrying;

    /** A client on real time, with its own rate governor. */
    public HttpCloudkeyClient(ClientConfig config) {
        this(config, RateGovernor.system(), Clock.systemUTC(), Sleeper.system(), new Random());
    }

    /**
     * A client with injected time and randomness (tests) or a governor shared with others.
     *
     * @param random must be thread-safe, such as {@link Random}
     */
    public HttpCloudkeyClient(ClientConfig config, RateGovernor governor, Clock clock,
            Sleeper sleeper, RandomGenerator random) {
        this.config = config;
        this.endpoint = config.endpoint();
        this.signer = new Signer(config.credentials());
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retrying = new RetryingCloudkeyApi(this::callOnce, config.retryPolicy(), governor,
                clock, sleeper, random);
    }

    /**
     * Performs the call, retrying as the config's policy allows.
     *
     * @throws CallError the service's error or the last transport fault
     * @throws IllegalArgumentException when the args hold floats or non-JSON values
     * @throws CancellationException when the thread is interrupted
     */
    @Override
    public @Nullable Object call(Call call) {
        LOG.debug("calling api call={} act_as={} page={}", call.name(), call.actAs(),
                call.args().get("page"));
        return retrying.call(call);
    }

    private @Nullable Object callOnce(Call call) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", config.userAgent())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(call)))
                .build();

        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(call, request);
        LOG.trace("received api answer call={} status={} bytes={} millis={}", call.name(),
                response.statusCode(), response.body().length,
                (System.nanoTime() - started) / 1_000_000);

        Duration retryAfter = RetryAfter.parse(
                response.headers().firstValue("Retry-After").orElse(null), clock);
        return reader.read(call.name(), response.statusCode(), response.body(), retryAfter);
    }

    private byte[] body(Call call) {
        Map<String, @Nullable Object> request = new LinkedHashMap<>(
                Signer.requestWithoutAuth(call));
        request.put("auth", signer.auth(call));
        return codec.encode(request);
    }

    private HttpResponse<byte[]> send(Call call, HttpRequest request) {
        try {
            // The whole exchange, body included, within the request timeout: the JDK's own
            // timeout stops at the headers, and a body can stall or never end.
            return http.sendAsync(request, BoundedBody.handler(MAX_ANSWER_BYTES))
                    .get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw CallError.transport(call.name(), "no complete answer from " + endpoint
                    + " in time (" + config.requestTimeout().toMillis() + " ms)", e);
        } catch (ExecutionException e) {
            throw failure(call, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("call " + call.name()
                    + " interrupted while waiting for " + endpoint);
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    private CallError failure(Call call, Throwable cause) {
        if (cause instanceof BoundedBody.TooLargeException tooLarge) {
            return CallError.badResponse(call.name(), null, tooLarge.getMessage(), tooLarge);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return CallError.transport(call.name(), "cannot connect to " + endpoint
                    + " in time (" + cause.getMessage() + ")", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return CallError.transport(call.name(), "no answer from " + endpoint + " in time ("
                    + cause.getMessage() + ")", cause);
        }
        return CallError.transport(call.name(), "cannot reach " + endpoint + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
    }

    @Override
    public String toString() {
        return "HttpCloudkeyClient[endpoint=" + endpoint + ", user="
                + config.credentials().userId() + "]";
    }
}
