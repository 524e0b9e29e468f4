package org.dmmigrate.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One scripted fault: what goes wrong, when it fires and on what.
 *
 * <p>It fires on every {@code every}-th matching request when {@code every > 0}, else with
 * {@code probability} when that is above 0, else on every matching request; at most
 * {@code times} times when {@code times > 0}. Grammar: see {@link #parse(String)}.
 *
 * @param kind what goes wrong
 * @param probability chance per matching request, 0 when unused
 * @param every fire on each n-th matching request, 0 when unused
 * @param times maximum number of firings, 0 for unlimited
 * @param target an asset name (CDN faults) or call name (API faults), or null for all
 * @param params the kind's parameters ({@code after}, {@code status}, {@code for}, ...)
 */
public record Fault(
        FaultKind kind,
        double probability,
        int every,
        int times,
        @Nullable String target,
        Map<String, String> params) {

    private static final Set<String> COMMON = Set.of("p", "every", "times", "target");

    /** Normalises the parameter map to an immutable copy. */
    public Fault {
        params = Map.copyOf(params);
    }

    /** A fault that fires on every matching request. */
    public static Fault always(FaultKind kind, Map<String, String> params) {
        return new Fault(kind, 0, 0, 0, null, params);
    }

    /** A copy that only applies to the given asset or call name. */
    public Fault on(String newTarget) {
        return new Fault(kind, probability, every, times, newTarget, params);
    }

    /** A copy that fires on each n-th matching request. */
    public Fault everyNth(int n) {
        return new Fault(kind, probability, n, times, target, params);
    }

    /** A copy that fires at most n times. */
    public Fault limitedTo(int n) {
        return new Fault(kind, probability, every, n, target, params);
    }

    /**
     * Parses {@code kind[:key=value[,key=value]...]}, e.g. {@code reset:p=0.1,after=64k} or
     * {@code rate-limit:calls=50,window=10s}.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static Fault parse(String spec) {
        String text = spec.trim();
        int colon = text.indexOf(':');
        FaultKind kind = FaultKind.fromLabel(colon < 0 ? text : text.substring(0, colon));
        Map<String, String> values = new LinkedHashMap<>();
        if (colon >= 0 && colon < text.length() - 1) {
            for (String pair : text.substring(colon + 1).split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("bad fault parameter '" + pair + "' in '"
                            + spec + "'; expected key=value");
                }
                values.put(pair.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                        pair.substring(equals + 1).trim());
            }
        }

        double probability = values.containsKey("p") ? Double.parseDouble(values.get("p")) : 0;
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("fault probability must be in [0, 1]: " + spec);
        }
        int every = values.containsKey("every") ? Integer.parseInt(values.get("every")) : 0;
        int times = values.containsKey("times") ? Integer.parseInt(values.get("times")) : 0;
        String target = values.get("target");
        Map<String, String> params = new LinkedHashMap<>(values);
        params.keySet().removeAll(COMMON);
        return new Fault(kind, probability, every, times, target, params);
    }

    /** A size parameter in bytes, with optional k/m/g (binary) suffix. */
    public long bytes(String key, long fallback) {
        String value = params.get(key);
        return value == null ? fallback : parseBytes(value);
    }

    /** An integer parameter. */
    public int integer(String key, int fallback) {
        String value = params.get(key);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** A duration parameter ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}), else null. */
    public @Nullable Duration duration(String key) {
        String value = params.get(key);
        if (value == null || value.equals("forever")) {
            return null;
        }
        return parseDuration(value);
    }

    /** Whether this fault applies to the given place ({@code api} or {@code cdn}). */
    boolean appliesTo(String place) {
        String on = params.get("on");
        return on == null || on.equals("all") || on.equals(place);
    }

    static long parseBytes(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        char last = text.charAt(text.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            factor = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            text = text.substring(0, text.length() - 1);
        }
        return Long.parseLong(text) * factor;
    }

    static Duration parseDuration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        char last = text.charAt(text.length() - 1);
        if (Character.isDigit(last)) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (last) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("bad duration '" + value
                    + "'; expected e.g. 500ms, 10s, 2m, 1h");
        };
    }
}
