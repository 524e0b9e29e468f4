package org.dmmigrate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The CloudKey normalization of a decoded JSON value, as the Python 2 service computes it
 * (spec 2.1): arrays concatenated, object keys in code-point order, null as empty, floats in
 * {@code %.12g} form. Stateless and thread-safe.
 */
final class Normalizer {

    /** Orders strings by Unicode code point, as Python sorts decoded keys. */
    static final Comparator<String> CODE_POINT_ORDER = Normalizer::compareCodePoints;

    private static final MathContext TWELVE_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    private Normalizer() {
    }

    static String normalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                append(item, out);
            }
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            Iterator<String> names = node.fieldNames();
            names.forEachRemaining(keys::add);
            keys.sort(CODE_POINT_ORDER);
            for (String key : keys) {
                out.append(key);
                append(node.get(key), out);
            }
        } else if (node.isNull() || node.isMissingNode()) {
            return;
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue().toString());
        } else if (node.isNumber()) {
            out.append(pythonFloat(node.doubleValue()));
        } else {
            out.append(node.asText());
        }
    }

    /** Python 2 {@code str(float)}: {@code %.12g}, plus {@code .0} for integral forms. */
    static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String text = percentTwelveG(value);
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0) {
            text = text + ".0";
        }
        return text;
    }

    private static String percentTwelveG(double value) {
        if (value == 0.0) {
            return (1.0 / value < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(TWELVE_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;

        if (exponent < -4 || exponent >= 12) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String digits = mantissa.toPlainString();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return digits + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    static int compareCodePoints(String left, String right) {
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

    /** Sorted copy of a map's keys in code-point order. */
    static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(CODE_POINT_ORDER);
        return keys;
    }
}
