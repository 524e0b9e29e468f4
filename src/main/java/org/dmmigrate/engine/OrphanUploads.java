package org.dmmigrate.engine;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;
import org.dmmigrate.target.UploadInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clean-up at the end of a migration: aborts the multipart uploads left open under its
 * prefix that it owns, listing and aborting with retries. A clean-up that still fails is a
 * failure in the summary (every object is sent; the next run aborts what this one could not),
 * never an exception. Thread-safe; stateless.
 */
final class OrphanUploads {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanUploads.class);

    private OrphanUploads() {
    }

    /**
     * Aborts every open upload under {@code prefix} (ending in {@code /}, or empty for the
     * bucket's root) that {@code owned} accepts.
     */
    static void abort(Target target, Backoff backoff, BooleanSupplier cancelled, String prefix,
            Predicate<UploadInfo> owned, MigrationSummary summary) {
        try {
            for (UploadInfo upload : TargetCalls.retrying(backoff, cancelled,
                    "ListMultipartUploads", () -> target.listUploads(prefix))) {
                if (!owned.test(upload)) {
                    continue;
                }
                LOG.info("aborting orphaned upload key={} upload={}", upload.key(),
                        upload.uploadId());
                TargetCalls.retrying(backoff, cancelled, "AbortMultipartUpload", () -> {
                    target.abortUpload(upload.key(), upload.uploadId());
                    return upload;
                });
                summary.aborted();
            }
        } catch (TargetException e) {
            LOG.error("failed clean-up of orphaned uploads reason={}", e.getMessage());
            summary.failed("multipart uploads under " + prefix, "not cleaned up: "
                    + e.getMessage() + "; rerun to abort them");
        }
    }
}
