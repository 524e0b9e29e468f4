package org.dmmigrate.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hears how a migration progresses, object by object. Calls come from many worker threads;
 * implementations must be thread-safe, fast, and must never throw.
 */
public interface MigrationListener {

    /** A listener that ignores everything. */
    MigrationListener NONE = new MigrationListener() {
    };

    /** How one object ended. */
    enum Status {
        /** Sent and checked in this run. */
        UPLOADED,
        /** Already in the target with the same size and checksum. */
        PRESENT,
        /** Would be sent (a {@code --fake} run). */
        PLANNED,
        /** Given up after retries; the run is incomplete. */
        FAILED,
        /** Stopped by a cancellation; a multipart upload resumes next run. */
        CANCELLED
    }

    /** The run will bring this file into the target (it may already be there). */
    default void queued(MigrationItem item) {
    }

    /** {@code bytes} more bytes reached the target. */
    default void progressed(MigrationItem item, long bytes) {
    }

    /** A request will be tried again after {@code delay}. */
    default void retrying(MigrationItem item, int attempt, Duration delay, String reason) {
    }

    /** The object is done with; {@code reason} says why it failed, null otherwise. */
    default void finished(MigrationItem item, Status status, @Nullable String reason) {
    }
}
