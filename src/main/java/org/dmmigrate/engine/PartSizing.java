package org.dmmigrate.engine;

/**
 * The part size of a multipart upload: at least {@link #MIN_PART}, and large enough that the
 * file needs at most {@link #TARGET_PARTS} parts (well under the S3 limit of 10,000, so a
 * 50 GB asset takes 8 MiB parts and a 5 TiB one 583 MiB parts), rounded up to a MiB.
 */
public final class PartSizing {

    public static final long MIB = 1L << 20;
    public static final long MIN_PART = 8 * MIB;
    public static final int TARGET_PARTS = 9_000;
    public static final int MAX_PARTS = 10_000;

    private PartSizing() {
    }

    /** The part size for a file of {@code size} bytes, with parts of at least {@code min}. */
    public static long partSize(long size, long min) {
        long needed = (size + TARGET_PARTS - 1) / TARGET_PARTS;
        long rounded = (needed + MIB - 1) / MIB * MIB;
        return Math.max(min, rounded);
    }

    /** How many parts of {@code partSize} a file of {@code size} bytes takes. */
    public static int parts(long size, long partSize) {
        return (int) Math.max(1, (size + partSize - 1) / partSize);
    }
}
