package org.dmmigrate.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text made safe for S3 user metadata, which travels as HTTP headers and must be printable
 * ASCII: UTF-8 bytes outside {@code ' '..'~'}, and {@code %} itself, become {@code %XX}
 * (the percent-encoding of URLs), so {@code Café} is {@code Caf%C3%A9}. Reversible.
 */
public final class MetadataText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MetadataText() {
    }

    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int value = b & 0xff;
            if (value >= 0x20 && value <= 0x7e && value != '%') {
                out.append((char) value);
            } else {
                out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xf]);
            }
        }
        return out.toString();
    }

    /** The text {@link #encode} was given. */
    public static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
