package org.dmmigrate.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * Relative links between files of a backup, as the catalog writes them into {@code href} and
 * {@code src}: each path segment percent-encoded as UTF-8, so that spaces, {@code #},
 * {@code ?}, {@code %}, {@code &}, backslashes and any unicode name resolve to the same file
 * from {@code file://}. Stateless and thread-safe.
 */
public final class Hrefs {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Hrefs() {
    }

    /**
     * One path segment: every byte of its UTF-8 form outside the URI unreserved set
     * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}.
     */
    public static String segment(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int value = b & 0xff;
            if (unreserved(value)) {
                out.append((char) value);
            } else {
                out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xf]);
            }
        }
        return out.toString();
    }

    /** The link from a page in {@code fromFolder} to {@code target}, such as {@code ../a/b.mp4}. */
    public static String relative(Path fromFolder, Path target) {
        Path from = fromFolder.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        Path relative = from.relativize(to);
        StringJoiner link = new StringJoiner("/");
        for (Path part : relative) {
            String name = part.toString();
            link.add(name.equals("..") ? name : segment(name));
        }
        return link.toString();
    }

    private static boolean unreserved(int value) {
        return value >= 'A' && value <= 'Z' || value >= 'a' && value <= 'z'
                || value >= '0' && value <= '9'
                || value == '-' || value == '.' || value == '_' || value == '~';
    }
}
