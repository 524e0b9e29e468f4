package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.engine.ApiService;
import org.dmmigrate.engine.CloudkeyService;
import org.dmmigrate.protocol.Cdn;
import org.dmmigrate.protocol.Credentials;
import org.dmmigrate.protocol.RetryPolicy;
import org.dmmigrate.protocol.http.ClientConfig;
import org.dmmigrate.protocol.http.HttpCdn;
import org.dmmigrate.protocol.http.HttpCloudkeyClient;
import org.dmmigrate.protocol.http.UserAgent;
import org.jspecify.annotations.Nullable;

/**
 * The composition root of the commands that talk to the service: the real client and CDN,
 * over the real service or, with {@code --demo}, over an embedded emulator.
 */
final class ServiceConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final CloudkeyService service;
    private final Cdn cdn;
    private final @Nullable Emulator emulator;
    private final URI url;

    private ServiceConnection(CloudkeyService service, Cdn cdn, @Nullable Emulator emulator,
            URI url) {
        this.service = service;
        this.cdn = cdn;
        this.emulator = emulator;
        this.url = url;
    }

    static ServiceConnection open(ServiceOptions options, PrintWriter err) {
        Emulator emulator = null;
        URI url;
        Credentials credentials;
        if (options.demo) {
            Catalog catalog = SampleCatalog.create();
            emulator = Emulator.builder().catalog(catalog).port(0).build();
            emulator.start();
            url = emulator.baseUrl();
            credentials = new Credentials(catalog.admin().id(), catalog.admin().apiKey());
            err.println("demo: started the built-in emulator with the sample organisation at "
                    + url);
            err.flush();
        } else {
            url = options.apiUrl();
            credentials = new Credentials(options.userId(), options.apiKey());
        }
        ClientConfig config = ClientConfig.of(url, credentials);
        RetryPolicy retries = config.retryPolicy();
        if (!options.apiRetryDelay.isNegative() && !options.apiRetryDelay.isZero()) {
            retries = new RetryPolicy(retries.maxAttempts(), options.apiRetryDelay,
                    retries.maxDelay(), retries.maxTotalTime(), retries.maxRetryAfter());
        }
        HttpCloudkeyClient client = new HttpCloudkeyClient(config.withRetryPolicy(retries));
        Cdn cdn = new HttpCdn(UserAgent.value(), CONNECT_TIMEOUT, options.readTimeout);
        return new ServiceConnection(new ApiService(client), cdn, emulator, url);
    }

    CloudkeyService service() {
        return service;
    }

    Cdn cdn() {
        return cdn;
    }

    /** The API base URL the service is reached at. */
    URI url() {
        return url;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
