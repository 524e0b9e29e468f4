package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import org.dmmigrate.engine.AssetJob;
import org.dmmigrate.engine.TransferListener;
import org.dmmigrate.engine.TransferOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Shows a run's progress: a bar with bytes, rate, ETA and files done on a terminal; plain
 * lines without one (one per finished asset and a summary every {@value #SUMMARY_SECONDS} s),
 * never carriage returns. Thread-safe.
 */
final class ProgressPrinter implements TransferListener, AutoCloseable {

    private static final int SUMMARY_SECONDS = 10;

    private final PrintWriter out;
    private final @Nullable ProgressBar bar;
    private final AtomicLong plannedFiles = new AtomicLong();
    private final AtomicLong plannedBytes = new AtomicLong();
    private final AtomicLong doneFiles = new AtomicLong();
    private final AtomicLong doneBytes = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile long lastSummaryNanos = System.nanoTime();
    private boolean closed;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.bar = terminal ? ByteBar.create("backup") : null;
    }

    @Override
    public void queued(AssetJob job) {
        plannedFiles.incrementAndGet();
        long total = plannedBytes.addAndGet(job.asset().fileSize().orElse(0));
        if (bar != null) {
            bar.maxHint(total);
            bar.setExtraMessage(" " + doneFiles.get() + "/" + plannedFiles.get() + " files");
        }
    }

    @Override
    public void started(AssetJob job, long presentBytes) {
        doneBytes.addAndGet(presentBytes);
        if (bar != null) {
            bar.stepBy(presentBytes);
        }
    }

    @Override
    public void progressed(AssetJob job, long bytes) {
        doneBytes.addAndGet(bytes);
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public void discarded(AssetJob job, long bytes) {
        doneBytes.addAndGet(-bytes);
        if (bar != null) {
            bar.stepBy(-bytes);
        }
    }

    @Override
    public void retrying(AssetJob job, int attempt, Duration delay, String reason) {
        if (bar == null) {
            print("retry  " + job.label() + " attempt=" + attempt + " in "
                    + delay.toMillis() + "ms: " + reason);
        }
    }

    @Override
    public void finished(AssetJob job, TransferOutcome outcome) {
        long files = doneFiles.incrementAndGet();
        if (bar != null) {
            if (outcome.status() == TransferOutcome.Status.PRESENT) {
                bar.stepBy(outcome.size());
            }
            bar.setExtraMessage(" " + files + "/" + plannedFiles.get() + " files");
            return;
        }
        if (outcome.status() == TransferOutcome.Status.PRESENT) {
            // Files already in the backup are counted, not listed: a rerun stays quiet.
            doneBytes.addAndGet(outcome.size());
            summaryEvery(System.nanoTime());
            return;
        }
        String word = switch (outcome.status()) {
            case DOWNLOADED -> "fetched";
            case PRESENT -> "present";
            case FAILED -> "FAILED ";
            case CANCELLED -> "stopped";
        };
        print(word + " " + job.label() + " " + Units.bytes(outcome.size())
                + (outcome.reason() != null && outcome.status() == TransferOutcome.Status.FAILED
                ? ": " + outcome.reason() : ""));
        summaryEvery(System.nanoTime());
    }

    private void summaryEvery(long now) {
        if (now - lastSummaryNanos > Duration.ofSeconds(SUMMARY_SECONDS).toNanos()) {
            lastSummaryNanos = now;
            print(summaryLine(now));
        }
    }

    private String summaryLine(long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        return "progress " + doneFiles.get() + "/" + plannedFiles.get() + " files, "
                + Units.bytes(doneBytes.get()) + " of " + Units.bytes(plannedBytes.get())
                + ", " + Units.bytes((long) (doneBytes.get() / seconds)) + "/s";
    }

    private void print(String line) {
        synchronized (out) {
            out.println(Terminal.printable(line));
            out.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null && !closed) {
            closed = true;
            bar.close();
        }
    }
}
