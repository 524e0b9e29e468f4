package org.dmmigrate.emulator;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON the way the original tool's Python 2 {@code json.dump(obj, f, indent=2,
 * sort_keys=True)} did: sorted keys, {@code ", "} separators (trailing spaces at line ends),
 * ASCII only with lowercase {@code \\uXXXX} escapes, no final newline.
 */
final class PythonStyleJson {

    private PythonStyleJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private static void write(Object value, int depth, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            writeMap(map, depth, out);
        } else if (value instanceof Collection<?> list) {
            writeList(list, depth, out);
        } else if (value instanceof String string) {
            writeString(string, out);
        } else {
            out.append(value);
        }
    }

    private static void writeMap(Map<?, ?> map, int depth, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "";
        for (var entry : new TreeMap<Object, Object>(map).entrySet()) {
            out.append(separator).append('\n').append("  ".repeat(depth + 1));
            writeString((String) entry.getKey(), out);
            out.append(": ");
            write(entry.getValue(), depth + 1, out);
            separator = ", ";
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
    }

    private static void writeList(Collection<?> list, int depth, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "";
        for (Object item : list) {
            out.append(separator).append('\n').append("  ".repeat(depth + 1));
            write(item, depth + 1, out);
            separator = ", ";
        }
        out.append('\n').append("  ".repeat(depth)).append(']');
    }

    private static void writeString(String string, StringBuilder out) {
        // The same escaping as the emulator's answers: Python 2's ensure_ascii.
        PythonJson.appendString(string, out);
    }
}
