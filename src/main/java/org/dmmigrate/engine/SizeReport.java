package org.dmmigrate.engine;

import java.util.List;

/**
 * The plan of what dmdownload would fetch: per user and asset name, the bytes listed, the
 * bytes already in the backup (verified files and resumable partial files) and the bytes
 * remaining, against the free space of the backup's file system.
 *
 * @param rows one row per user and asset name, sorted by username then asset name
 * @param usableBytes the free space available to this process on DST's file system
 * @param summary the listing run's summary (not ready, errors, failed listings)
 */
public record SizeReport(List<Row> rows, long usableBytes, RunSummary summary) {

    /**
     * One user's assets of one name.
     *
     * @param files how many files of that name dmdownload would bring
     * @param totalBytes their listed size
     * @param presentBytes what the backup already holds of them
     */
    public record Row(String username, String assetName, long files, long totalBytes,
            long presentBytes) {

        public long remainingBytes() {
            return Math.max(0, totalBytes - presentBytes);
        }
    }

    public long totalBytes() {
        return rows.stream().mapToLong(Row::totalBytes).reduce(0, SizeReport::plus);
    }

    public long presentBytes() {
        return rows.stream().mapToLong(Row::presentBytes).reduce(0, SizeReport::plus);
    }

    public long remainingBytes() {
        return rows.stream().mapToLong(Row::remainingBytes).reduce(0, SizeReport::plus);
    }

    /**
     * The sum of two sizes (not negative), stuck at {@link Long#MAX_VALUE} instead of
     * wrapping around: a hostile listing of huge sizes must not add up to a small plan.
     */
    public static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Whether what remains to download fits in the free space. */
    public boolean fits() {
        return remainingBytes() <= usableBytes;
    }
}
