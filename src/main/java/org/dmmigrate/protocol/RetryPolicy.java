package org.dmmigrate.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How retryable call failures are retried: exponential backoff with full jitter, capped per
 * delay, per number of attempts and in total time; a {@code Retry-After} from the service is
 * honoured up to {@code maxRetryAfter}. Immutable.
 *
 * @param maxAttempts attempts in all, including the first (1 disables retrying)
 * @param baseDelay the backoff ceiling after the first failure, doubled after each one
 * @param maxDelay the largest backoff ceiling
 * @param maxTotalTime no retry starts when it would end later than this after the first try
 * @param maxRetryAfter the longest server-requested delay that is obeyed as given
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay,
        Duration maxTotalTime, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        requirePositive("baseDelay", baseDelay);
        requirePositive("maxDelay", maxDelay);
        requirePositive("maxTotalTime", maxTotalTime);
        requirePositive("maxRetryAfter", maxRetryAfter);
    }

    /** 6 attempts, 0.5 s base, 30 s cap, 5 min in total, Retry-After obeyed up to 2 min. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofMinutes(2));
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return defaults().withMaxAttempts(1);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxTotalTime, maxRetryAfter);
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failures: the error's
     * Retry-After (capped at {@code maxRetryAfter}) when present, else a uniformly random
     * duration in {@code [0, min(maxDelay, baseDelay * 2^(failedAttempts-1))]}.
     */
    public Duration delayAfter(int failedAttempts, @Nullable Duration retryAfter,
            RandomGenerator random) {
        if (retryAfter != null) {
            Duration requested = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
            return requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
        }

        Duration ceiling = ceiling(failedAttempts);
        long nanos = (long) (random.nextDouble() * ceiling.toNanos());
        return Duration.ofNanos(nanos);
    }

    private Duration ceiling(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 40));
        long cap = maxDelay.toNanos();
        long base = baseDelay.toNanos();
        if (base > cap >> doublings) {
            return maxDelay;
        }
        return Duration.ofNanos(base << doublings);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
