package org.dmmigrate.protocol;

import java.time.Duration;

/** Waits for a while; a seam so retry tests run without real time passing. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for {@code duration} (no-op when zero or negative). */
    void sleep(Duration duration) throws InterruptedException;

    /** Real sleeping with {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
