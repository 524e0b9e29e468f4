package org.dmmigrate.emulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fields} argument: picks dotted paths out of a result item and re-nests them
 * ({@code meta.title} gives {@code {"meta": {"title": ...}}}); absent paths are left out.
 * Stateless and thread-safe.
 */
final class Projection {

    /** Marks a path that does not exist (null is a real value). */
    static final Object MISSING = new Object();

    private Projection() {
    }

    static Map<String, Object> project(Map<String, Object> item, @Nullable List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return item;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = lookup(item, field);
            if (value != MISSING) {
                put(out, field.split("\\."), value);
            }
        }
        return out;
    }

    /** The value at a dotted path, or {@link #MISSING}. */
    static @Nullable Object lookup(Map<String, Object> item, String path) {
        Object current = item;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return MISSING;
            }
            current = map.get(part);
        }
        return current;
    }

    /** Equality as the service's filters see it: numbers by value, the rest by equals. */
    static boolean sameValue(@Nullable Object left, @Nullable Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return left == null ? right == null : left.equals(right);
    }

    /** Orders values for {@code sort}: missing and null first, numbers, booleans, strings. */
    static int compare(@Nullable Object left, @Nullable Object right) {
        int rankLeft = rank(left);
        int rankRight = rank(right);
        if (rankLeft != rankRight) {
            return Integer.compare(rankLeft, rankRight);
        }
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        if (left instanceof String a && right instanceof String b) {
            return Normalizer.compareCodePoints(a, b);
        }
        return 0;
    }

    private static int rank(@Nullable Object value) {
        if (value == MISSING || value == null) {
            return 0;
        }
        if (value instanceof Number) {
            return 1;
        }
        if (value instanceof Boolean) {
            return 2;
        }
        return value instanceof String ? 3 : 4;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> out, String[] parts, @Nullable Object value) {
        Map<String, Object> current = out;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(parts[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(parts[parts.length - 1], value);
    }
}
