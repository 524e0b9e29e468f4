package org.dmmigrate.engine;

import org.jspecify.annotations.Nullable;

/**
 * How one asset transfer ended.
 *
 * @param status what happened
 * @param bytes the bytes received over the network by this transfer
 * @param size the size of the file under its final name (0 when there is none)
 * @param reason why it failed, null unless {@link Status#FAILED}
 * @param check what the bytes were checked against, null unless {@link Status#DOWNLOADED}
 */
public record TransferOutcome(Status status, long bytes, long size, @Nullable String reason,
        @Nullable Check check) {

    /** What a downloaded file's bytes were checked against, besides its listed size. */
    public enum Check {
        /** The MD5 the service listed ({@code checksum}). */
        CHECKSUM,
        /** The CDN's ETag, an MD5. */
        ETAG,
        /**
         * Nothing to check against: the file was read from the CDN a second time and both
         * reads gave the same MD5.
         */
        SECOND_READ,
        /** Nothing to check against, and no second read was asked for: the size only. */
        SIZE_ONLY
    }

    /** The end states of a transfer. */
    public enum Status {
        /** Fetched and verified in this run. */
        DOWNLOADED,
        /** A verified file was already there. */
        PRESENT,
        /** Given up after retries; the run is incomplete. */
        FAILED,
        /** Stopped by a cancellation; the partial file is kept for the next run. */
        CANCELLED
    }

    public static TransferOutcome downloaded(long bytes, long size, Check check) {
        return new TransferOutcome(Status.DOWNLOADED, bytes, size, null, check);
    }

    public static TransferOutcome present(long size) {
        return new TransferOutcome(Status.PRESENT, 0, size, null, null);
    }

    public static TransferOutcome failed(long bytes, String reason) {
        return new TransferOutcome(Status.FAILED, bytes, 0, reason, null);
    }

    public static TransferOutcome cancelled(long bytes) {
        return new TransferOutcome(Status.CANCELLED, bytes, 0, "cancelled", null);
    }
}
