package org.dmmigrate.protocol.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.dmmigrate.protocol.Credentials;
import org.dmmigrate.protocol.RetryPolicy;

/**
 * Settings of an {@link HttpCloudkeyClient}. Immutable; {@link #toString()} hides the key.
 *
 * <p>There is deliberately no default base URL: the caller names the service (the official
 * one is {@code http://api.dmcloud.net}, tests use a loopback emulator).
 *
 * @param baseUrl the service root; calls go to {@code baseUrl + "/api"}
 * @param credentials who signs the calls
 * @param connectTimeout TCP/TLS connect limit
 * @param requestTimeout limit for one attempt, from sending to the complete answer
 * @param retryPolicy how retryable failures are retried
 * @param userAgent the {@code User-Agent} header
 */
public record ClientConfig(URI baseUrl, Credentials credentials, Duration connectTimeout,
        Duration requestTimeout, RetryPolicy retryPolicy, String userAgent) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(userAgent, "userAgent");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
        }
    }

    /** Default timeouts (10 s connect, 60 s request), default retries and User-Agent. */
    public static ClientConfig of(URI baseUrl, Credentials credentials) {
        return new ClientConfig(baseUrl, credentials, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT, RetryPolicy.defaults(), UserAgent.value());
    }

    public ClientConfig withTimeouts(Duration connect, Duration request) {
        return new ClientConfig(baseUrl, credentials, connect, request, retryPolicy, userAgent);
    }

    public ClientConfig withRetryPolicy(RetryPolicy policy) {
        return new ClientConfig(baseUrl, credentials, connectTimeout, requestTimeout, policy,
                userAgent);
    }

    /** The RPC endpoint, {@code baseUrl + "/api"} (one slash even if the base ends with one). */
    public URI endpoint() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/api");
    }
}
