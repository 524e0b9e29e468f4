package org.dmmigrate.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * What the handlers of one running emulator share: its URL, store, renderer, signer, clock,
 * faults, recorder and a per-run secret for upload seals and file tokens. Thread-safe.
 */
final class EmulatorContext {

    private final String baseUrl;
    private final MediaStore store;
    private final UrlSignature signer = new UrlSignature();
    private final MediaView view;
    private final Clock clock;
    private final FaultPlan faults;
    private final Recorder recorder;
    private final String secret;
    private volatile boolean stopping;

    EmulatorContext(String baseUrl, Catalog catalog, Clock clock, Duration downloadTtl,
            FaultPlan faults, Recorder recorder) {
        this.baseUrl = baseUrl;
        this.store = new MediaStore(catalog);
        this.clock = clock;
        this.faults = faults;
        this.recorder = recorder;
        this.view = new MediaView(baseUrl, store, signer, clock, downloadTtl);
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
    }

    String baseUrl() {
        return baseUrl;
    }

    MediaStore store() {
        return store;
    }

    MediaView view() {
        return view;
    }

    UrlSignature signer() {
        return signer;
    }

    Clock clock() {
        return clock;
    }

    long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    FaultPlan faults() {
        return faults;
    }

    Recorder recorder() {
        return recorder;
    }

    /** Whether the emulator is shutting down (stalled responses give up). */
    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
    }

    /** md5(value + per-run secret): upload seals and file tokens. */
    String seal(String value) {
        return Hashes.md5(value + secret);
    }
}
