package org.dmmigrate.emulator;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Serialises plain Java values (maps, lists, strings, numbers, booleans, null) the way Python's
 * {@code json.dumps} does by default: {@code ", "} and {@code ": "} separators, ASCII only with
 * lowercase {@code \\u00e9}-style escapes. Map order is kept. Stateless and thread-safe.
 */
final class PythonJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJson() {
    }

    static String write(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    private static void append(@Nullable Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            appendString(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(pythonRepr(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal decimal) {
            out.append(pythonRepr(decimal.doubleValue()));
        } else if (value instanceof Number number) {
            out.append(number.toString());
        } else if (value instanceof Map<?, ?> map) {
            appendMap(map, out);
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(item, out);
            }
            out.append(']');
        } else {
            appendString(value.toString(), out);
        }
    }

    private static void appendMap(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendString(String.valueOf(entry.getKey()), out);
            out.append(": ");
            append(entry.getValue(), out);
        }
        out.append('}');
    }

    /** Appends a JSON string as Python writes it: ASCII only, {@code \\u00e9}-style escapes. */
    static void appendString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python 2.7 {@code repr(float)}: the shortest round-trip digits. */
    static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value));
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            BigDecimal mantissa = shortest.movePointLeft(exponent).stripTrailingZeros();
            String digits = mantissa.toPlainString();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return digits + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
        }
        String plain = shortest.stripTrailingZeros().toPlainString();
        if (value == 0.0 && 1.0 / value < 0) {
            return "-0.0";
        }
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
