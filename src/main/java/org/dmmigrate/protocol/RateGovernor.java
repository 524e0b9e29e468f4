package org.dmmigrate.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pause shared by every caller of a client: when the service throttles one call, all
 * calls wait until {@code nextAllowedAt} before starting. Thread-safe; share one instance per
 * client (or per account) between all threads.
 */
public final class RateGovernor {

    private final Clock clock;
    private final AtomicReference<Instant> nextAllowedAt;

    public RateGovernor(Clock clock) {
        this.clock = clock;
        this.nextAllowedAt = new AtomicReference<>(Instant.MIN);
    }

    /** A governor on the system clock. */
    public static RateGovernor system() {
        return new RateGovernor(Clock.systemUTC());
    }

    /** Holds every call back for {@code pause} from now; never shortens a longer pause. */
    public void pauseFor(Duration pause) {
        Instant until = clock.instant().plus(pause);
        nextAllowedAt.accumulateAndGet(until, (current, proposed) ->
                proposed.isAfter(current) ? proposed : current);
    }

    /** The instant before which no call should start. */
    public Instant nextAllowedAt() {
        return nextAllowedAt.get();
    }

    /** How long a call starting now must still wait (zero when none). */
    public Duration remainingPause() {
        Instant now = clock.instant();
        Instant allowed = nextAllowedAt.get();
        return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
    }

    /** Blocks until no pause is in force, re-checking when another thread extends it. */
    public void awaitPermit(Sleeper sleeper) throws InterruptedException {
        Duration remaining = remainingPause();
        while (!remaining.isZero()) {
            sleeper.sleep(remaining);
            remaining = remainingPause();
        }
    }
}
