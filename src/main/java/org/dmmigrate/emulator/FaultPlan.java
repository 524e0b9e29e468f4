package org.dmmigrate.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The faults an emulator injects, with their counters and one seeded random source, so that a
 * run is reproducible under the same seed and the same order of requests.
 *
 * <p>Thread-safe: every method synchronises on the plan; tests may add and clear faults while
 * the emulator runs.
 */
public final class FaultPlan {

    private final Random random;
    private final List<Armed> armed = new ArrayList<>();

    /** An empty plan with the given seed. */
    public FaultPlan(long seed) {
        this.random = new Random(seed);
    }

    /** A plan without faults. */
    public static FaultPlan none() {
        return new FaultPlan(0);
    }

    /**
     * Parses the command line form: one {@link Fault#parse(String)} spec per element.
     *
     * @throws IllegalArgumentException naming the spec that does not parse
     */
    public static FaultPlan parse(List<String> specs, long seed) {
        FaultPlan plan = new FaultPlan(seed);
        for (String spec : specs) {
            try {
                plan.add(Fault.parse(spec));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot parse fault '" + spec + "': "
                        + e.getMessage(), e);
            }
        }
        return plan;
    }

    /** Adds a fault; returns this plan. */
    public synchronized FaultPlan add(Fault fault) {
        armed.add(new Armed(fault));
        return this;
    }

    /** Removes every fault. */
    public synchronized void clear() {
        armed.clear();
    }

    /** The current faults. */
    public synchronized List<Fault> faults() {
        List<Fault> out = new ArrayList<>();
        for (Armed a : armed) {
            out.add(a.fault);
        }
        return out;
    }

    /** How many times faults of this kind fired since they were added. */
    public synchronized int fired(FaultKind kind) {
        int total = 0;
        for (Armed a : armed) {
            if (a.fault.kind() == kind) {
                total += a.fired;
            }
        }
        return total;
    }

    /**
     * Decides whether a fault of this kind fires for one request and returns it.
     *
     * @param place {@code api} or {@code cdn}
     * @param name the call name or asset name of the request
     */
    synchronized Optional<Fault> fire(FaultKind kind, String place, String name) {
        for (Armed a : armed) {
            Fault fault = a.fault;
            if (fault.kind() != kind || !fault.appliesTo(place) || !matches(fault, name)) {
                continue;
            }
            if (fault.times() > 0 && a.fired >= fault.times()) {
                continue;
            }
            a.seen++;
            boolean fires;
            if (fault.every() > 0) {
                fires = a.seen % fault.every() == 0;
            } else if (fault.probability() > 0) {
                fires = random.nextDouble() < fault.probability();
            } else {
                fires = true;
            }
            if (fires) {
                a.fired++;
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** Counts one API call against the rate-limit faults; true when it must be refused. */
    synchronized boolean rateLimited(String call, long nowMillis) {
        boolean limited = false;
        for (Armed a : armed) {
            Fault fault = a.fault;
            if (fault.kind() != FaultKind.RATE_LIMIT || !matches(fault, call)) {
                continue;
            }
            Duration window = fault.duration("window");
            long windowMillis = window == null ? 1000 : window.toMillis();
            if (nowMillis - a.windowStart >= windowMillis) {
                a.windowStart = nowMillis;
                a.seen = 0;
            }
            a.seen++;
            if (a.seen > fault.integer("calls", 10)) {
                a.fired++;
                limited = true;
            }
        }
        return limited;
    }

    /** A seeded random number in [0, bound). */
    synchronized long nextLong(long bound) {
        return bound <= 0 ? 0 : Math.floorMod(random.nextLong(), bound);
    }

    private static boolean matches(Fault fault, @Nullable String name) {
        return fault.target() == null || fault.target().equals(name);
    }

    /** A fault and its counters. */
    private static final class Armed {
        private final Fault fault;
        private long seen;
        private int fired;
        private long windowStart = Long.MIN_VALUE / 2;

        Armed(Fault fault) {
            this.fault = fault;
        }
    }
}
