package org.dmmigrate.protocol.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The CloudKey normalization {@code N(x)} that request signatures are computed over (spec
 * 2.1), on plain JSON trees. Floating-point numbers are refused, because the official clients
 * render them differently; {@link #pythonFloat(double)} shows the form Python 2 would sign.
 * Stateless and thread-safe.
 */
public final class Normalizer {

    /** Orders strings by Unicode code point, as Python sorts decoded JSON keys. */
    public static final Comparator<String> CODE_POINT_ORDER = Normalizer::compareCodePoints;

    private static final int PYTHON_PRECISION = 12;

    private Normalizer() {
    }

    /**
     * {@code N(value)}.
     *
     * @throws IllegalArgumentException naming the key path of a float, a non-string key or a
     *     value that is not JSON
     */
    public static String normalize(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, "$");
        return out.toString();
    }

    private static void append(StringBuilder out, @Nullable Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            out.append(text);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float
                || value instanceof BigDecimal) {
            throw new IllegalArgumentException("floating-point value " + value + " at " + path
                    + " cannot be signed reliably; send it as a string or an integer");
        } else if (value instanceof List<?> list) {
            appendList(out, list, path);
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map, path);
        } else {
            throw new IllegalArgumentException("value at " + path + " is not JSON: "
                    + value.getClass().getName());
        }
    }

    private static void appendList(StringBuilder out, List<?> list, String path) {
        for (int i = 0; i < list.size(); i++) {
            append(out, list.get(i), path + "[" + i + "]");
        }
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map, String path) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String text)) {
                throw new IllegalArgumentException("key at " + path + " is not a string: "
                        + key);
            }
            keys.add(text);
        }
        keys.sort(CODE_POINT_ORDER);

        for (String key : keys) {
            out.append(key);
            append(out, map.get(key), path + "." + key);
        }
    }

    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    /**
     * Python 2 {@code str(float)}: {@code %.12g}, then {@code .0} when the result has no
     * {@code .}, exponent, {@code inf} or {@code nan} ({@code 1e+20}, {@code 1e-05},
     * {@code 1.77777777778}, {@code 100.0}).
     */
    public static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }

        String formatted = percentG(value);
        boolean plain = formatted.indexOf('.') < 0 && formatted.indexOf('e') < 0;
        return plain ? formatted + ".0" : formatted;
    }

    private static String percentG(double value) {
        BigDecimal rounded = new BigDecimal(value)
                .round(new MathContext(PYTHON_PRECISION, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < PYTHON_PRECISION) {
            return rounded.stripTrailingZeros().toPlainString();
        }

        String digits = rounded.unscaledValue().abs().toString().replaceAll("0+$", "");
        StringBuilder out = new StringBuilder();
        if (rounded.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }
}
