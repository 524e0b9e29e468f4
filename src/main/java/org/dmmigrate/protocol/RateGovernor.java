package org.dmmigrate.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pause shared by every caller of a client: when the service throttles one call, all
 * calls wait until {@code nextAllowedAt} before starting; then a single call probes the
 * service, and the others follow only once an answer comes back unthrottled, so that N
 * workers cost one refused call per pause, not N. Thread-safe; share one instance per client
 * (or per account) between all threads.
 */
public final class RateGovernor {

    /** How often a caller held back behind a probe looks again. */
    static final Duration PROBE_POLL = Duration.ofMillis(10);

    private final Clock clock;
    private final AtomicReference<Instant> nextAllowedAt;
    private final AtomicInteger streak = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicBoolean probeTaken = new AtomicBoolean();

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

    /**
     * Records a throttled answer: pauses every call for {@code pause}, then admits one probe
     * at a time until an answer comes back unthrottled ({@link #answered()}).
     *
     * @param escalates true for the probe's answer or the first refusal after an unthrottled
     *     one; false for calls that were already in flight, so that N workers refused at once
     *     count as one step of the backoff, not N
     */
    public void throttled(Duration pause, boolean escalates) {
        if (escalates) {
            streak.incrementAndGet();
        }
        probing.set(true);
        pauseFor(pause);
        probeTaken.set(false);
    }

    /** Records an unthrottled answer (a result or another error): every caller may go. */
    public void answered() {
        streak.set(0);
        probing.set(false);
        probeTaken.set(false);
    }

    /** Gives the probe back after a call that got no answer at all (it may not start). */
    public void abandoned() {
        probeTaken.set(false);
    }

    /**
     * Throttled answers since the last unthrottled one, whichever thread got them: the
     * backoff step of the next pause, shared so that a worker's first refusal after another's
     * fifth does not pause for the shortest time.
     */
    public int streak() {
        return streak.get();
    }

    /** True from a throttled answer until an unthrottled one. */
    public boolean probing() {
        return probing.get();
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

    /**
     * Blocks until no pause is in force and, after a throttled answer, until this caller holds
     * the probe or the probe came back unthrottled; re-checks when another thread extends the
     * pause. A caller that returns holding the probe must report its answer with
     * {@link #throttled}, {@link #answered} or {@link #abandoned}.
     *
     * @return true when this caller holds the probe
     */
    public boolean awaitPermit(Sleeper sleeper) throws InterruptedException {
        while (true) {
            Duration remaining = remainingPause();
            while (!remaining.isZero()) {
                sleeper.sleep(remaining);
                remaining = remainingPause();
            }
            if (!probing.get()) {
                return false;
            }
            if (probeTaken.compareAndSet(false, true)) {
                return true;
            }
            sleeper.sleep(PROBE_POLL);
        }
    }
}
