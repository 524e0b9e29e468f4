package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What a run did, counted as it goes: files downloaded and already present, assets skipped
 * by kind, not ready, in error, failed with reasons, and media or users whose listing failed.
 *
 * <p>Thread-safe: workers add to it concurrently; readers get consistent copies.
 */
public final class RunSummary {

    /** One asset or media that kept the backup from being complete, and why. */
    public record Problem(String label, String reason) {
    }

    private final AtomicLong downloadedFiles = new AtomicLong();
    private final AtomicLong downloadedBytes = new AtomicLong();
    private final AtomicLong readTwice = new AtomicLong();
    private final AtomicLong sizeOnly = new AtomicLong();
    private final AtomicLong presentFiles = new AtomicLong();
    private final AtomicLong presentBytes = new AtomicLong();
    private final AtomicLong transferredBytes = new AtomicLong();
    private final AtomicLong plannedFiles = new AtomicLong();
    private final AtomicLong plannedBytes = new AtomicLong();
    private final AtomicLong media = new AtomicLong();
    private final Map<AssetKind, AtomicLong> byKind = new EnumMap<>(AssetKind.class);
    private final List<Problem> notReady = Collections.synchronizedList(new ArrayList<>());
    private final List<Problem> inError = Collections.synchronizedList(new ArrayList<>());
    private final List<Problem> failed = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean cancelled;
    private volatile @Nullable Path report;

    public RunSummary() {
        for (AssetKind kind : AssetKind.values()) {
            byKind.put(kind, new AtomicLong());
        }
    }

    void mediaListed() {
        media.incrementAndGet();
    }

    void assetSeen(AssetKind kind, String label, String status) {
        byKind.get(kind).incrementAndGet();
        if (kind == AssetKind.NOT_READY) {
            notReady.add(new Problem(label, "status " + status));
        } else if (kind == AssetKind.ERROR) {
            inError.add(new Problem(label, "status error"));
        }
    }

    void planned(long size) {
        plannedFiles.incrementAndGet();
        plannedBytes.accumulateAndGet(Math.max(size, 0), SizeReport::plus);
    }

    void failed(String label, String reason) {
        failed.add(new Problem(label, reason));
    }

    void reported(Path file) {
        report = file;
    }

    /** The completeness report written at the end of the run, if one was. */
    public Optional<Path> report() {
        return Optional.ofNullable(report);
    }

    void cancelled() {
        cancelled = true;
    }

    void transferred(TransferOutcome outcome, String label) {
        transferredBytes.addAndGet(outcome.bytes());
        switch (outcome.status()) {
            case DOWNLOADED -> {
                downloadedFiles.incrementAndGet();
                downloadedBytes.addAndGet(outcome.size());
                if (outcome.check() == TransferOutcome.Check.SECOND_READ) {
                    readTwice.incrementAndGet();
                } else if (outcome.check() == TransferOutcome.Check.SIZE_ONLY) {
                    sizeOnly.incrementAndGet();
                }
            }
            case PRESENT -> {
                presentFiles.incrementAndGet();
                presentBytes.addAndGet(outcome.size());
            }
            case FAILED -> failed(label, String.valueOf(outcome.reason()));
            case CANCELLED -> cancelled = true;
            default -> throw new IllegalStateException("unknown outcome " + outcome.status());
        }
    }

    /** True when every file asset is verified and none is failed, not ready or in error. */
    public boolean complete() {
        return !cancelled && failed.isEmpty() && notReady.isEmpty() && inError.isEmpty();
    }

    public boolean wasCancelled() {
        return cancelled;
    }

    public long mediaCount() {
        return media.get();
    }

    public long downloadedFiles() {
        return downloadedFiles.get();
    }

    public long downloadedBytes() {
        return downloadedBytes.get();
    }

    /** Downloaded files with nothing to check them against, confirmed by a second read. */
    public long readTwiceFiles() {
        return readTwice.get();
    }

    /** Downloaded files with nothing to check them against, checked by their size only. */
    public long sizeOnlyFiles() {
        return sizeOnly.get();
    }

    public long presentFiles() {
        return presentFiles.get();
    }

    public long presentBytes() {
        return presentBytes.get();
    }

    /** Bytes received over the network, resumed and discarded attempts included. */
    public long transferredBytes() {
        return transferredBytes.get();
    }

    public long plannedFiles() {
        return plannedFiles.get();
    }

    public long plannedBytes() {
        return plannedBytes.get();
    }

    /** How many assets of each kind the listings held. */
    public Map<AssetKind, Long> assetsByKind() {
        Map<AssetKind, Long> copy = new EnumMap<>(AssetKind.class);
        byKind.forEach((kind, count) -> copy.put(kind, count.get()));
        return copy;
    }

    public List<Problem> notReady() {
        return copy(notReady);
    }

    public List<Problem> inError() {
        return copy(inError);
    }

    public List<Problem> failures() {
        return copy(failed);
    }

    /** The problems sorted by label, so that two runs list them in the same order. */
    private static List<Problem> copy(List<Problem> problems) {
        List<Problem> sorted;
        synchronized (problems) {
            sorted = new ArrayList<>(problems);
        }
        sorted.sort(Comparator.comparing(Problem::label).thenComparing(Problem::reason));
        return List.copyOf(sorted);
    }
}
