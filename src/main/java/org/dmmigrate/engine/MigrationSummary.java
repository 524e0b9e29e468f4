package org.dmmigrate.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a migration (or a check) did, counted as it goes: objects uploaded and already present,
 * bytes and requests sent, files left out as unverified, failures with reasons, and the
 * multipart uploads aborted or kept for the next run. Thread-safe.
 */
public final class MigrationSummary {

    private final AtomicLong uploadedFiles = new AtomicLong();
    private final AtomicLong uploadedBytes = new AtomicLong();
    private final AtomicLong presentFiles = new AtomicLong();
    private final AtomicLong presentBytes = new AtomicLong();
    private final AtomicLong plannedFiles = new AtomicLong();
    private final AtomicLong plannedBytes = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong resumedParts = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final List<RunSummary.Problem> unverified =
            Collections.synchronizedList(new ArrayList<>());
    private final List<RunSummary.Problem> failed =
            Collections.synchronizedList(new ArrayList<>());
    private volatile boolean cancelled;

    void uploaded(long size) {
        uploadedFiles.incrementAndGet();
        uploadedBytes.addAndGet(size);
    }

    void present(long size) {
        presentFiles.incrementAndGet();
        presentBytes.addAndGet(size);
    }

    void planned(long size) {
        plannedFiles.incrementAndGet();
        plannedBytes.addAndGet(size);
    }

    /** One PUT or part acknowledged by the target. */
    void sent(long bytes) {
        requests.incrementAndGet();
        sentBytes.addAndGet(bytes);
    }

    void resumedParts(int parts) {
        resumedParts.addAndGet(parts);
    }

    void aborted() {
        aborted.incrementAndGet();
    }

    void kept(long uploads) {
        kept.set(uploads);
    }

    void unverified(String path, String reason) {
        unverified.add(new RunSummary.Problem(path, reason));
    }

    void failed(String label, String reason) {
        failed.add(new RunSummary.Problem(label, reason));
    }

    void cancelled() {
        cancelled = true;
    }

    /** True when every file of the backup is in the target, checked. */
    public boolean complete() {
        return !cancelled && failed.isEmpty() && unverified.isEmpty();
    }

    public boolean wasCancelled() {
        return cancelled;
    }

    public long uploadedFiles() {
        return uploadedFiles.get();
    }

    public long uploadedBytes() {
        return uploadedBytes.get();
    }

    public long presentFiles() {
        return presentFiles.get();
    }

    public long presentBytes() {
        return presentBytes.get();
    }

    public long plannedFiles() {
        return plannedFiles.get();
    }

    public long plannedBytes() {
        return plannedBytes.get();
    }

    /** Bytes the target acknowledged in PUTs and parts, retries included. */
    public long sentBytes() {
        return sentBytes.get();
    }

    /** PUT and part requests the target acknowledged. */
    public long requests() {
        return requests.get();
    }

    /** Parts of interrupted uploads found at the target and not sent again. */
    public long resumedParts() {
        return resumedParts.get();
    }

    /** Orphaned multipart uploads aborted at the end of the run. */
    public long abortedUploads() {
        return aborted.get();
    }

    /** Multipart uploads left in progress for the next run to resume. */
    public long keptUploads() {
        return kept.get();
    }

    /** Files of the backup not sent because no manifest entry vouches for them. */
    public List<RunSummary.Problem> unverified() {
        return copy(unverified);
    }

    public List<RunSummary.Problem> failures() {
        return copy(failed);
    }

    private static List<RunSummary.Problem> copy(List<RunSummary.Problem> problems) {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
