package org.dmmigrate.cli;

import java.util.Locale;

/**
 * How big the chaos suite runs: {@code short} (the default, part of {@code mvn verify}) or
 * {@code full} ({@code scripts/chaos.sh}), from the system property {@code chaos.scale} or
 * else the environment variable {@code CHAOS_SCALE}.
 */
enum ChaosScale {

    /** A quick version for every build. */
    SHORT,
    /** Higher fault rates, more media, more kills. */
    FULL;

    /** The scale this JVM was asked for. */
    static ChaosScale current() {
        String value = System.getProperty("chaos.scale", System.getenv("CHAOS_SCALE"));
        if (value == null || value.isBlank()) {
            return SHORT;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** {@code whenShort} at the short scale, else {@code whenFull}. */
    <T> T pick(T whenShort, T whenFull) {
        return this == SHORT ? whenShort : whenFull;
    }
}
