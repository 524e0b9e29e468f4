package org.dmmigrate.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.dmmigrate.target.ObjectInfo;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of a migration to its target, retried with backoff and bounded to {@code jobs}
 * in flight (whole objects and parts together), with the check that follows an upload.
 *
 * <p>Thread-safe: one instance serves every worker of a run.
 */
final class TargetCalls {

    private static final Logger LOG = LoggerFactory.getLogger(TargetCalls.class);

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern MULTIPART_ETAG = Pattern.compile("[0-9a-f]{32}-[0-9]+");

    /** One call to the target. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws TargetException;
    }

    private final Target target;
    private final MigrationListener listener;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;
    private final Semaphore requests;

    TargetCalls(Target target, MigrationListener listener, Backoff backoff,
            BooleanSupplier cancelled, int jobs) {
        this.target = target;
        this.listener = listener;
        this.backoff = backoff;
        this.cancelled = cancelled;
        this.requests = new Semaphore(jobs);
    }

    Target target() {
        return target;
    }

    /** Checks the object now in the target: its size and, where it is an MD5, its ETag. */
    void check(MigrationItem item, String expectedEtag)
            throws TargetException, RunCancelled {
        ObjectInfo head = attempt(item, () -> target.head(item.key())).orElseThrow(
                () -> new TargetException(TargetException.Kind.NOT_FOUND, null, "HEAD "
                        + item.key() + " found nothing right after the upload", null));
        boolean etagChecked = MD5_HEX.matcher(head.etag()).matches()
                || MULTIPART_ETAG.matcher(head.etag()).matches();
        if (head.size() != item.size() || etagChecked && !expectedEtag.isEmpty()
                && !head.etag().equals(expectedEtag)) {
            throw new TargetException(TargetException.Kind.CORRUPT, null, "the target holds "
                    + item.key() + " with " + head.size() + " bytes and ETag " + head.etag()
                    + ", expected " + item.size() + " bytes and " + expectedEtag, null);
        }
    }

    <T> T attempt(MigrationItem item, Call<T> call) throws TargetException, RunCancelled {
        for (int attempt = 1; ; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new RunCancelled();
            }
            try {
                requests.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelled();
            }
            try {
                return call.run();
            } catch (TargetException e) {
                // A corrupt body on the way from a verified file is a transport fault.
                boolean again = e.isRetryable() || e.kind() == TargetException.Kind.CORRUPT;
                Optional<Duration> delay = again ? backoff.delay(attempt) : Optional.empty();
                if (delay.isEmpty()) {
                    throw e;
                }
                LOG.warn("retrying request key={} attempt={} delay={}ms reason={}", item.key(),
                        attempt, delay.get().toMillis(), e.getMessage());
                listener.retrying(item, attempt, delay.get(), String.valueOf(e.getMessage()));
                sleep(delay.get());
            } finally {
                requests.release();
            }
        }
    }

    /**
     * A call outside any object (the listings of open uploads, an abort), retried like the
     * requests of an object while the fault is retryable, without a permit.
     */
    static <T> T retrying(Backoff backoff, BooleanSupplier cancelled, String what, Call<T> call)
            throws TargetException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TargetException e) {
                Optional<Duration> delay = e.isRetryable() && !cancelled.getAsBoolean()
                        ? backoff.delay(attempt) : Optional.empty();
                if (delay.isEmpty()) {
                    throw e;
                }
                LOG.warn("retrying request call={} attempt={} delay={}ms reason={}", what,
                        attempt, delay.get().toMillis(), e.getMessage());
                sleep(delay.get());
            }
        }
    }

    void abortQuietly(MigrationItem item, String uploadId) {
        try {
            target.abortUpload(item.key(), uploadId);
        } catch (TargetException e) {
            LOG.warn("cannot abort upload key={} upload={} reason={}", item.key(), uploadId,
                    e.getMessage());
        }
    }

    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
