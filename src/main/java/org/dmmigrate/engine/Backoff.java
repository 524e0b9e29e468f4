package org.dmmigrate.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt of a transfer, or that there is none.
 * Exponential with full jitter, capped in attempts. Thread-safe.
 */
@FunctionalInterface
public interface Backoff {

    /** The delay before attempt {@code attempt + 1}, or empty to give up. */
    Optional<Duration> delay(int attempt);

    /** Exponential backoff from {@code base}, at most {@code max} per wait and
     * {@code attempts} retries in all. */
    static Backoff exponential(Duration base, Duration max, int attempts) {
        return attempt -> {
            if (attempt > attempts) {
                return Optional.empty();
            }
            long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt, 20));
            long millis = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
            return Optional.of(Duration.ofMillis(millis));
        };
    }
}
