package org.dmmigrate.emulator;

import org.jspecify.annotations.Nullable;

/**
 * One satisfiable byte range of a file, inclusive at both ends.
 *
 * @param start first byte offset
 * @param end last byte offset
 */
record ByteRange(long start, long end) {

    /** Thrown for a {@code bytes=} header that cannot be served: the answer is 416. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable(String header) {
            super("unsatisfiable range " + header, null, false, false);
        }
    }

    long length() {
        return end - start + 1;
    }

    /**
     * Parses a {@code Range} header against a file length. Returns null when the whole file
     * must be sent (no header, another unit, or several ranges, which the CDN does not
     * combine).
     *
     * @throws Unsatisfiable for malformed {@code bytes=} specs and ranges past the end
     */
    static @Nullable ByteRange parse(@Nullable String header, long length) throws Unsatisfiable {
        if (header == null || !header.trim().startsWith("bytes=")) {
            return null;
        }
        String spec = header.trim().substring(6).trim();
        if (spec.contains(",")) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw new Unsatisfiable(header);
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || length == 0) {
                    throw new Unsatisfiable(header);
                }
                return new ByteRange(Math.max(0, length - suffix), length - 1);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? length - 1 : Math.min(Long.parseLong(last), length - 1);
            if (start < 0 || start >= length || end < start) {
                throw new Unsatisfiable(header);
            }
            return new ByteRange(start, end);
        } catch (NumberFormatException e) {
            throw new Unsatisfiable(header);
        }
    }
}
