package org.dmmigrate.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.dmmigrate.protocol.Cdn;
import org.dmmigrate.target.ObjectInfo;
import org.dmmigrate.target.ObjectMeta;
import org.dmmigrate.target.PartInfo;
import org.dmmigrate.target.Payload;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one asset from the CDN straight into the target, with no local copy: the bytes go
 * through part-sized buffers (at most {@code jobs} of them in the whole run), each part is
 * sent with its MD5 while the next is read, and the MD5 of the whole is compared with the
 * service's {@code checksum} before the upload is completed. A mismatch aborts the upload
 * and starts the asset again.
 *
 * <p>Thread-safe: one instance serves every worker of a run.
 */
final class StreamUpload {

    private static final Logger LOG = LoggerFactory.getLogger(StreamUpload.class);

    private final TargetCalls calls;
    private final Target target;
    private final Cdn cdn;
    private final LinkSource links;
    private final MigrationSummary summary;
    private final MigrationListener listener;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;
    private final ExecutorService partPool;
    private final Semaphore buffers;
    private final MigrationOptions options;
    private final UploadState state;

    StreamUpload(TargetCalls calls, UploadState state, Target target, Cdn cdn, LinkSource links,
            MigrationSummary summary, MigrationListener listener, Backoff backoff,
            BooleanSupplier cancelled, ExecutorService partPool, MigrationOptions options) {
        this.state = state;
        this.calls = calls;
        this.target = target;
        this.cdn = cdn;
        this.links = links;
        this.summary = summary;
        this.listener = listener;
        this.backoff = backoff;
        this.cancelled = cancelled;
        this.partPool = partPool;
        this.buffers = new Semaphore(options.jobs());
        this.options = options;
    }

    /** Streams the asset into the target, or records why not. Never throws. */
    MigrationListener.Status run(AssetJob job, MigrationItem item) {
        MigrationListener.Status status;
        String reason = null;
        try {
            status = send(job, item);
        } catch (RunCancelled e) {
            status = MigrationListener.Status.CANCELLED;
            summary.cancelled();
        } catch (TargetException | TransferException e) {
            status = cancelled.getAsBoolean() ? MigrationListener.Status.CANCELLED
                    : MigrationListener.Status.FAILED;
            reason = e.getMessage();
        }
        if (status == MigrationListener.Status.FAILED) {
            LOG.error("failed streamed object key={} reason={}", item.key(), reason);
            summary.failed(job.label(), String.valueOf(reason));
        }
        listener.finished(item, status, reason);
        return status;
    }

    private MigrationListener.Status send(AssetJob job, MigrationItem item)
            throws TargetException, TransferException, RunCancelled {
        String checksum = item.md5();
        Optional<ObjectInfo> head = calls.attempt(item, () -> target.head(item.key()));
        if (head.isPresent() && (checksum != null
                ? ObjectUpload.matches(head.get(), item.size(), checksum)
                : head.get().size() == item.size())) {
            summary.present(item.size());
            return MigrationListener.Status.PRESENT;
        }
        if (options.fake()) {
            summary.planned(item.size());
            return MigrationListener.Status.PLANNED;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                String etag = once(job, item, checksum);
                calls.check(item, etag);
                summary.uploaded(item.size());
                return MigrationListener.Status.UPLOADED;
            } catch (TransferException e) {
                Optional<Duration> delay = e.isRetryable() ? backoff.delay(attempt)
                        : Optional.empty();
                if (delay.isEmpty() || cancelled.getAsBoolean()) {
                    throw e;
                }
                listener.retrying(item, attempt, delay.get(), String.valueOf(e.getMessage()));
                TargetCalls.sleep(delay.get());
            }
        }
    }

    /** One whole pass over the asset; returns the ETag the object should have. */
    private String once(AssetJob job, MigrationItem item, @Nullable String checksum)
            throws TargetException, TransferException, RunCancelled {
        long partSize = PartSizing.partSize(item.size(), options.minPartSize());
        int count = PartSizing.parts(item.size(), partSize);
        Map<String, String> metadata = new LinkedHashMap<>(item.metadata());
        if (checksum != null) {
            metadata.put(ObjectUpload.SOURCE_MD5, checksum);
        }
        ObjectMeta meta = new ObjectMeta(item.contentType(), metadata);
        Digests whole = Digests.create(false);
        try (CdnReader reader = new CdnReader(cdn, links, job, backoff, cancelled,
                () -> listener.retrying(item, 1, Duration.ZERO, "download broke off"))) {
            if (count == 1) {
                byte[] bytes = read(reader, (int) item.size(), whole);
                String md5 = md5(bytes, bytes.length);
                requireChecksum(job, whole.result().md5(), checksum);
                // The whole object is in hand: its MD5 is known even without a checksum.
                metadata.put(ObjectUpload.SOURCE_MD5, md5);
                ObjectMeta known = new ObjectMeta(item.contentType(), metadata);
                calls.attempt(item, () -> target.put(item.key(),
                        Payload.ofBytes(bytes, bytes.length, md5), known));
                summary.sent(bytes.length);
                listener.progressed(item, bytes.length);
                return md5;
            }
            Map<Integer, PartInfo> held = new HashMap<>();
            String identity = checksum == null ? "unknown" : checksum.toLowerCase(Locale.ROOT);
            String resumed = resume(item, identity, partSize, count, held);
            String uploadId = resumed != null ? resumed
                    : calls.attempt(item, () -> target.createUpload(item.key(), meta));
            if (resumed == null) {
                record(() -> state.begin(item.key().value(), new UploadState.Upload(uploadId,
                        item.size(), identity, partSize, Map.of())));
            }
            try {
                List<PartInfo> parts = parts(item, reader, uploadId, partSize, count, whole,
                        held);
                requireChecksum(job, whole.result().md5(), checksum);
                calls.attempt(item, () -> target.completeUpload(item.key(), uploadId, parts));
                record(() -> state.end(item.key().value()));
                return ObjectUpload.multipartEtag(parts);
            } catch (RunCancelled e) {
                // Kept, with its parts, for the next run to resume.
                throw e;
            } catch (TargetException | TransferException e) {
                if (!cancelled.getAsBoolean()) {
                    calls.abortQuietly(item, uploadId);
                    record(() -> state.end(item.key().value()));
                }
                throw e;
            }
        }
    }

    /**
     * Picks up an upload of this asset that an earlier run began and did not finish: the
     * parts the store holds with the MD5 the state recorded. Returns its id, or null.
     */
    private @Nullable String resume(MigrationItem item, String identity, long partSize,
            int count, Map<Integer, PartInfo> held)
            throws TargetException, TransferException, RunCancelled {
        String key = item.key().value();
        Optional<UploadState.Upload> earlier = state.upload(key);
        if (earlier.isEmpty()) {
            return null;
        }
        UploadState.Upload upload = earlier.get();
        if (!upload.sameFile(item.size(), identity, partSize)) {
            calls.abortQuietly(item, upload.uploadId());
            record(() -> state.end(key));
            return null;
        }
        List<PartInfo> listed;
        try {
            listed = calls.attempt(item, () -> target.listParts(item.key(), upload.uploadId()));
        } catch (TargetException e) {
            if (e.kind() != TargetException.Kind.NOT_FOUND) {
                throw e;
            }
            record(() -> state.end(key));
            return null;
        }
        for (PartInfo part : listed) {
            String recorded = upload.parts().get(part.number());
            if (part.number() <= count && recorded != null
                    && recorded.equalsIgnoreCase(part.etag())) {
                held.put(part.number(), part);
            }
        }
        summary.resumedParts(held.size());
        LOG.info("resuming streamed upload key={} upload={} parts={} of={}", key,
                upload.uploadId(), held.size(), count);
        return upload.uploadId();
    }

    /** One write of the upload state, which a failure to save turns into a failed asset. */
    private void record(StateWrite write) throws TransferException {
        try {
            write.run();
        } catch (java.io.IOException e) {
            throw new TransferException("cannot save the upload state "
                    + UploadState.FILE_NAME + ": " + e.getMessage(), false, e);
        }
    }

    /** A write to the upload state. */
    @FunctionalInterface
    private interface StateWrite {
        void run() throws java.io.IOException;
    }

    private List<PartInfo> parts(MigrationItem item, CdnReader reader, String uploadId,
            long partSize, int count, Digests whole, Map<Integer, PartInfo> held)
            throws TargetException, TransferException, RunCancelled {
        List<Future<PartInfo>> pending = new ArrayList<>();
        try {
            for (int number = 1; number <= count; number++) {
                int length = (int) Math.min(partSize, item.size() - (number - 1) * partSize);
                acquireBuffer();
                byte[] bytes;
                try {
                    bytes = read(reader, length, whole);
                } catch (TransferException e) {
                    buffers.release();
                    throw e;
                }
                int part = number;
                PartInfo kept = held.get(part);
                if (kept != null) {
                    // Already in the store: its bytes only feed the whole MD5, and must be
                    // the same bytes as then.
                    buffers.release();
                    String md5 = md5(bytes, length);
                    if (!md5.equalsIgnoreCase(kept.etag())) {
                        throw new TransferException("part " + part + " of " + item.key()
                                + " is no longer the part uploaded earlier; starting again",
                                true);
                    }
                    listener.progressed(item, length);
                    pending.add(CompletableFuture.completedFuture(
                            new PartInfo(part, length, kept.etag())));
                    continue;
                }
                pending.add(partPool.submit(() -> {
                    try {
                        String md5 = md5(bytes, length);
                        PartInfo sent = calls.attempt(item, () -> target.uploadPart(item.key(),
                                uploadId, part, Payload.ofBytes(bytes, length, md5)));
                        record(() -> state.part(item.key().value(), part, md5));
                        summary.sent(length);
                        listener.progressed(item, length);
                        return sent;
                    } finally {
                        buffers.release();
                    }
                }));
            }
            List<PartInfo> parts = new ArrayList<>();
            for (Future<PartInfo> future : pending) {
                parts.add(future.get());
            }
            return parts;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TargetException target) {
                throw target;
            }
            if (e.getCause() instanceof RunCancelled stop) {
                throw stop;
            }
            if (e.getCause() instanceof TransferException transfer) {
                throw transfer;
            }
            throw new IllegalStateException("unexpected failure of a part", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelled();
        } finally {
            pending.forEach(future -> future.cancel(false));
        }
    }

    private void acquireBuffer() throws RunCancelled {
        try {
            buffers.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelled();
        }
    }

    private static byte[] read(CdnReader reader, int length, Digests whole)
            throws TransferException {
        byte[] bytes = new byte[length];
        reader.readFully(bytes, length);
        whole.update(bytes, 0, length);
        return bytes;
    }

    private static void requireChecksum(AssetJob job, String md5, @Nullable String checksum)
            throws TransferException {
        if (checksum != null && !checksum.equalsIgnoreCase(md5)) {
            throw new TransferException("the bytes of " + job.label() + " have MD5 " + md5
                    + ", the service's checksum is " + checksum + "; starting again", true);
        }
    }

    private static String md5(byte[] bytes, int length) {
        Digests digests = Digests.create(false);
        digests.update(bytes, 0, length);
        return digests.result().md5();
    }
}
