package org.dmmigrate.engine;

import java.time.Duration;

/**
 * Hears how transfers progress. Calls come from many worker threads at once; implementations
 * must be thread-safe, fast, and must never throw.
 */
public interface TransferListener {

    /** A listener that ignores everything. */
    TransferListener NONE = new TransferListener() {
    };

    /** The run will bring this file into the backup (it may already be there). */
    default void queued(AssetJob job) {
    }

    /** A transfer starts (or resumes) with {@code presentBytes} already in its partial file. */
    default void started(AssetJob job, long presentBytes) {
    }

    /** {@code bytes} more bytes arrived. */
    default void progressed(AssetJob job, long bytes) {
    }

    /** A transfer lost {@code bytes} of progress (a restart from zero, a refused file). */
    default void discarded(AssetJob job, long bytes) {
    }

    /** The transfer will try again after {@code delay}. */
    default void retrying(AssetJob job, int attempt, Duration delay, String reason) {
    }

    /** The transfer ended. */
    default void finished(AssetJob job, TransferOutcome outcome) {
    }
}
