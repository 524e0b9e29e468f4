package org.dmmigrate.cli;

import java.util.Locale;

/** Decimal byte units, labelled as such: kB, MB, GB, TB (powers of 1000). */
final class Units {

    private static final String[] NAMES = {"B", "kB", "MB", "GB", "TB", "PB"};

    private Units() {
    }

    static String bytes(long count) {
        double value = count;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < NAMES.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? count + " B" : String.format(Locale.ROOT, "%.2f %s", value, NAMES[unit]);
    }
}
