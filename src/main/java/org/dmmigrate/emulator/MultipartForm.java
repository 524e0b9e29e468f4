package org.dmmigrate.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal {@code multipart/form-data} reader for upload bodies held in memory: part name to
 * filename and bytes. Immutable.
 */
final class MultipartForm {

    /** One part of the form. */
    record Part(String name, @Nullable String filename, byte[] bytes) {
    }

    private final Map<String, Part> parts;

    private MultipartForm(Map<String, Part> parts) {
        this.parts = parts;
    }

    @Nullable Part part(String name) {
        return parts.get(name);
    }

    /**
     * Splits a body at its boundary.
     *
     * @throws IllegalArgumentException when the content type has no boundary or the body is
     *     not multipart
     */
    static MultipartForm parse(@Nullable String contentType, byte[] body) {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new IllegalArgumentException("multipart body lacks its boundary");
        }
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-'
                    && body[afterDelimiter + 1] == '-') {
                break;
            }
            int headersStart = afterDelimiter + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                    headersStart);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1),
                    headersEnd < 0 ? headersStart : headersEnd);
            if (headersEnd < 0 || next < 0) {
                throw new IllegalArgumentException("multipart body is truncated");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart,
                    StandardCharsets.UTF_8);
            String name = dispositionValue(headers, "name");
            if (name != null) {
                parts.put(name, new Part(name, dispositionValue(headers, "filename"),
                        Arrays.copyOfRange(body, headersEnd + 4, next)));
            }
            position = next + 2;
        }
        return new MultipartForm(parts);
    }

    private static String boundary(@Nullable String contentType) {
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("expected multipart/form-data, got "
                    + contentType);
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring(9);
                return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        throw new IllegalArgumentException("multipart content type has no boundary");
    }

    private static @Nullable String dispositionValue(String headers, String key) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String item : line.split(";")) {
                String trimmed = item.trim();
                if (trimmed.startsWith(key + "=")) {
                    String value = trimmed.substring(key.length() + 1);
                    return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                            ? value.substring(1, value.length() - 1) : value;
                }
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
