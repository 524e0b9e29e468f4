package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.dmmigrate.engine.MigrationItem;
import org.dmmigrate.engine.MigrationListener;
import org.jspecify.annotations.Nullable;

/**
 * Shows a migration's progress as plain lines: one per finished object, one per retry, and a
 * summary of files and bytes every {@value #SUMMARY_SECONDS} s. Thread-safe.
 */
final class MigrationProgress implements MigrationListener {

    // TODO(#5): no progress bar on a terminal as dmdownload has; plain lines only.

    private static final int SUMMARY_SECONDS = 10;

    private final PrintWriter out;
    private final AtomicLong plannedFiles = new AtomicLong();
    private final AtomicLong plannedBytes = new AtomicLong();
    private final AtomicLong doneFiles = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile long lastSummaryNanos = System.nanoTime();

    MigrationProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void queued(MigrationItem item) {
        plannedFiles.incrementAndGet();
        plannedBytes.addAndGet(item.size());
    }

    @Override
    public void progressed(MigrationItem item, long bytes) {
        sentBytes.addAndGet(bytes);
    }

    @Override
    public void retrying(MigrationItem item, int attempt, Duration delay, String reason) {
        print("retry   " + item.key() + " attempt=" + attempt + " in " + delay.toMillis()
                + "ms: " + reason);
    }

    @Override
    public void finished(MigrationItem item, Status status, @Nullable String reason) {
        doneFiles.incrementAndGet();
        String word = switch (status) {
            case UPLOADED -> "sent   ";
            case PRESENT -> "present";
            case PLANNED -> "would send";
            case FAILED -> "FAILED ";
            case CANCELLED -> "stopped";
        };
        print(word + " " + item.key() + " " + Units.bytes(item.size())
                + (reason != null ? ": " + reason : ""));
        long now = System.nanoTime();
        if (now - lastSummaryNanos > Duration.ofSeconds(SUMMARY_SECONDS).toNanos()) {
            lastSummaryNanos = now;
            double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
            print("progress " + doneFiles.get() + "/" + plannedFiles.get() + " objects, sent "
                    + Units.bytes(sentBytes.get()) + " of " + Units.bytes(plannedBytes.get())
                    + ", " + Units.bytes((long) (sentBytes.get() / seconds)) + "/s");
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
