package org.dmmigrate.emulator;

/** Checks of the offsets given to {@link Content#open(long)}; stateless. */
final class Offsets {

    private Offsets() {
    }

    /** Rejects an offset outside {@code 0..length} (opening at the length gives no bytes). */
    static void check(long offset, long length, Object source) {
        if (offset < 0 || offset > length) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + length
                    + " of " + source);
        }
    }
}
