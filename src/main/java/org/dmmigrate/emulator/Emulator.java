package org.dmmigrate.emulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated DmCloud service on one loopback port: the RPC endpoint {@code POST /api}, the
 * upload target and the CDN, over a {@link Catalog}, with scriptable {@link FaultPlan faults}
 * and a {@link Recorder} of what it served.
 *
 * <p>Lifecycle: {@link #builder()}, {@link #start()}, then {@link #close()}. Thread-safe once
 * started; faults may be changed while it runs.
 */
public final class Emulator implements AutoCloseable {

    /** The logger of the one-line-per-request log (INFO). */
    public static final String REQUEST_LOGGER = "org.dmmigrate.emulator.requests";

    private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger(REQUEST_LOGGER);

    private final Catalog catalog;
    private final int requestedPort;
    private final Duration downloadTtl;
    private final FaultPlan faults;
    private final Clock clock;
    private final Duration idleTimeout;
    private final @Nullable Path keyStore;
    private final @Nullable String keyStorePassword;
    private final Recorder recorder = new Recorder();
    private @Nullable Server server;
    private @Nullable EmulatorContext context;
    private int port = -1;

    private Emulator(Builder builder) {
        this.catalog = Objects.requireNonNull(builder.catalog, "catalog");
        this.requestedPort = builder.port;
        this.downloadTtl = builder.downloadTtl;
        this.faults = builder.faults;
        this.clock = builder.clock;
        this.idleTimeout = builder.idleTimeout;
        this.keyStore = builder.keyStore;
        this.keyStorePassword = builder.keyStorePassword;
    }

    /** A builder with port 0 (any free port), a 2 h download TTL and no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 and starts serving.
     *
     * @throws IllegalStateException when already started or the port cannot be bound
     */
    public synchronized Emulator start() {
        if (server != null) {
            throw new IllegalStateException("emulator already started on port " + port);
        }
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("emulator");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setOutputBufferSize(1 << 20);
        ServerConnector connector = keyStore == null
                ? new ServerConnector(jetty, new HttpConnectionFactory(http))
                : new ServerConnector(jetty, tls(), new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(requestedPort);
        connector.setIdleTimeout(idleTimeout.toMillis());
        jetty.addConnector(connector);
        jetty.setStopTimeout(0);
        jetty.setRequestLog(Emulator::logRequest);
        try {
            connector.open();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot bind 127.0.0.1:" + requestedPort
                    + "; choose another port or 0", e);
        }
        port = connector.getLocalPort();
        EmulatorContext shared = new EmulatorContext(scheme() + "://127.0.0.1:" + port, catalog,
                clock, downloadTtl, faults, recorder);
        jetty.setHandler(new EmulatorHandler(shared));
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the emulator on port " + port, e);
        }
        server = jetty;
        context = shared;
        LOG.info("started emulator url={} organisation={} users={}", baseUrl(),
                catalog.organisationId(), catalog.users().size());
        return this;
    }

    /**
     * {@code http://127.0.0.1:PORT} ({@code https} with a key store), the client's API base;
     * RPC is this plus {@code /api}.
     */
    public URI baseUrl() {
        return URI.create(scheme() + "://127.0.0.1:" + port());
    }

    /** The bound port. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("emulator not started");
        }
        return port;
    }

    public Recorder recorder() {
        return recorder;
    }

    public FaultPlan faults() {
        return faults;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The media as the API shows it now (overlay applied), or empty if unknown or deleted. */
    public Optional<EmulatedMedia> media(String mediaId) {
        return running().store().media(mediaId);
    }

    /**
     * Gives an asset new bytes, ETag, file_size and checksum, as if it had been re-encoded.
     *
     * @return the new revision number (1, 2, ...)
     */
    public int changeContent(String mediaId, String assetName) {
        return running().store().revise(mediaId, assetName);
    }

    /** Stops serving; stalled responses are cut. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        Objects.requireNonNull(context).stop();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("failed stopping emulator port={} cause={}", port, e.toString());
        }
        server = null;
        LOG.info("stopped emulator port={}", port);
    }

    private String scheme() {
        return keyStore == null ? "http" : "https";
    }

    private SslContextFactory.Server tls() {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(Objects.requireNonNull(keyStore).toString());
        tls.setKeyStorePassword(keyStorePassword);
        return tls;
    }

    private synchronized EmulatorContext running() {
        if (context == null) {
            throw new IllegalStateException("emulator not started");
        }
        return context;
    }

    private static void logRequest(Request request, Response response) {
        if (!REQUESTS.isInfoEnabled()) {
            return;
        }
        long millis = System.currentTimeMillis() - Request.getTimeStamp(request);
        REQUESTS.info("served request method={} path={} status={} bytes={} ms={}",
                request.getMethod(), request.getHttpURI().getPath(), response.getStatus(),
                Response.getContentBytesWritten(response), millis);
    }

    /** Configures an {@link Emulator}; not thread-safe. */
    public static final class Builder {
        private @Nullable Catalog catalog;
        private int port;
        private Duration downloadTtl = Duration.ofHours(2);
        private FaultPlan faults = FaultPlan.none();
        private Clock clock = Clock.systemUTC();
        private Duration idleTimeout = Duration.ofSeconds(30);
        private @Nullable Path keyStore;
        private @Nullable String keyStorePassword;

        private Builder() {
        }

        public Builder catalog(Catalog value) {
            this.catalog = value;
            return this;
        }

        /** The port to bind on 127.0.0.1; 0 picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** How long issued download and stream URLs stay valid (default 2 h). */
        public Builder downloadTtl(Duration value) {
            this.downloadTtl = value;
            return this;
        }

        public Builder faults(FaultPlan value) {
            this.faults = value;
            return this;
        }

        /** The clock for URL expiry and created times (tests move it forward). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Jetty's idle timeout: also bounds a stall that lasts "forever". */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value;
            return this;
        }

        /**
         * Serves HTTPS instead of HTTP with the key (and certificate, which should name
         * 127.0.0.1) of a PKCS12 or JKS key store; every issued URL then uses https.
         */
        public Builder https(Path store, String password) {
            this.keyStore = store;
            this.keyStorePassword = password;
            return this;
        }

        public Emulator build() {
            return new Emulator(this);
        }
    }
}
