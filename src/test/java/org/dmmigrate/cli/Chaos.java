package org.dmmigrate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small file helpers of the chaos suite. */
final class Chaos {

    private Chaos() {
    }

    /** The size of a file, or 0 when it does not exist (or vanished meanwhile). */
    static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The last whitespace-separated number of a one-line file such as tcp_rmem. */
    static long lastNumber(String file, long fallback) {
        // Files.readString trusts the size procfs reports, and so reads one byte only.
        try (BufferedReader in = Files.newBufferedReader(Path.of(file))) {
            String[] fields = in.readLine().trim().split("\\s+");
            return Long.parseLong(fields[fields.length - 1]);
        } catch (IOException | RuntimeException unknown) {
            return fallback;
        }
    }
}
