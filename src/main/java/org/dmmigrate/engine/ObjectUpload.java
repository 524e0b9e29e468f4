package org.dmmigrate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
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
 * Puts one file of the backup into the target, checked and resumable: skipped when an
 * object with the same size and MD5 is there; one PUT up to the part size, else a multipart
 * upload whose parts go out in parallel and are recorded in the {@link UploadState} as the
 * store acknowledges them, so that a later run sends only the missing ones. Afterwards a HEAD
 * checks the size and the ETag (the MD5, or the MD5 of the part MD5s for a multipart upload).
 *
 * <p>Thread-safe: one instance serves every worker of a run.
 */
final class ObjectUpload {

    static final String SOURCE_MD5 = "source-md5";

    private static final Logger LOG = LoggerFactory.getLogger(ObjectUpload.class);

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

    private final TargetCalls calls;
    private final Target target;
    private final UploadState state;
    private final MigrationSummary summary;
    private final MigrationListener listener;
    private final BooleanSupplier cancelled;
    private final ExecutorService partPool;
    private final MigrationOptions options;

    ObjectUpload(TargetCalls calls, UploadState state, MigrationSummary summary,
            MigrationListener listener, BooleanSupplier cancelled, ExecutorService partPool,
            MigrationOptions options) {
        this.calls = calls;
        this.target = calls.target();
        this.state = state;
        this.summary = summary;
        this.listener = listener;
        this.cancelled = cancelled;
        this.partPool = partPool;
        this.options = options;
    }

    /** Brings the item into the target, or records why not. Never throws. */
    MigrationListener.Status run(MigrationItem item) {
        MigrationListener.Status status;
        String reason = null;
        try {
            status = send(item);
        } catch (RunCancelled e) {
            status = MigrationListener.Status.CANCELLED;
            summary.cancelled();
        } catch (TargetException e) {
            status = MigrationListener.Status.FAILED;
            reason = e.getMessage();
        } catch (IOException e) {
            status = MigrationListener.Status.FAILED;
            reason = "cannot read " + item.file() + ": " + e.getMessage();
        }
        if (reason != null) {
            LOG.error("failed object key={} reason={}", item.key(), reason);
            summary.failed(item.path(), reason);
        }
        listener.finished(item, status, reason);
        return status;
    }

    private MigrationListener.Status send(MigrationItem item)
            throws TargetException, IOException, RunCancelled {
        String md5 = item.md5() != null ? item.md5() : Digests.of(item.file(), false).md5();
        Optional<ObjectInfo> head = calls.attempt(item, () -> target.head(item.key()));
        if (head.isPresent() && matches(head.get(), item.size(), md5)) {
            summary.present(item.size());
            return MigrationListener.Status.PRESENT;
        }
        if (options.fake()) {
            summary.planned(item.size());
            return MigrationListener.Status.PLANNED;
        }

        Map<String, String> metadata = new LinkedHashMap<>(item.metadata());
        metadata.put(SOURCE_MD5, md5);
        ObjectMeta meta = new ObjectMeta(item.contentType(), metadata);
        String expectedEtag = item.size() <= options.multipartAbove()
                ? single(item, md5, meta) : multipart(item, md5, meta);

        calls.check(item, expectedEtag);
        summary.uploaded(item.size());
        LOG.info("uploaded object key={} bytes={}", item.key(), item.size());
        return MigrationListener.Status.UPLOADED;
    }

    private String single(MigrationItem item, String md5, ObjectMeta meta)
            throws TargetException, RunCancelled {
        Payload payload = Payload.ofFile(item.file(), 0, item.size(), md5);
        calls.attempt(item, () -> target.put(item.key(), payload, meta));
        summary.sent(item.size());
        listener.progressed(item, item.size());
        return md5;
    }

    private String multipart(MigrationItem item, String md5, ObjectMeta meta)
            throws TargetException, IOException, RunCancelled {
        long partSize = PartSizing.partSize(item.size(), options.minPartSize());
        int count = PartSizing.parts(item.size(), partSize);
        Map<Integer, PartInfo> done = new ConcurrentSkipListMap<>();
        String uploadId = resume(item, md5, partSize, count, done);
        if (uploadId == null) {
            uploadId = calls.attempt(item, () -> target.createUpload(item.key(), meta));
            state.begin(item.key().value(), new UploadState.Upload(uploadId, item.size(), md5,
                    partSize, Map.of()));
        }

        String id = uploadId;
        List<Future<PartInfo>> pending = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            if (!done.containsKey(number)) {
                int part = number;
                pending.add(partPool.submit(() -> part(item, id, part, partSize)));
            }
        }
        @Nullable Exception failure = null;
        for (Future<PartInfo> future : pending) {
            try {
                PartInfo part = future.get();
                done.put(part.number(), part);
            } catch (ExecutionException e) {
                failure = failure == null ? (Exception) e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelled();
            }
        }
        rethrow(failure);

        List<PartInfo> parts = new ArrayList<>(done.values());
        calls.attempt(item, () -> target.completeUpload(item.key(), id, parts));
        state.end(item.key().value());
        return multipartEtag(parts);
    }

    /**
     * Picks up an upload an earlier run began for the same bytes: the parts the store
     * holds and whose MD5 the state recorded are kept. Returns its id, or null to begin anew.
     */
    private @Nullable String resume(MigrationItem item, String md5, long partSize, int count,
            Map<Integer, PartInfo> done) throws TargetException, IOException, RunCancelled {
        String key = item.key().value();
        Optional<UploadState.Upload> earlier = state.upload(key);
        if (earlier.isEmpty()) {
            return null;
        }
        UploadState.Upload upload = earlier.get();
        if (!upload.sameFile(item.size(), md5, partSize)) {
            LOG.info("dropping upload of other bytes key={} upload={}", key, upload.uploadId());
            calls.abortQuietly(item, upload.uploadId());
            state.end(key);
            return null;
        }
        List<PartInfo> held;
        try {
            held = calls.attempt(item, () -> target.listParts(item.key(), upload.uploadId()));
        } catch (TargetException e) {
            if (e.kind() != TargetException.Kind.NOT_FOUND) {
                throw e;
            }
            LOG.info("beginning again: upload is gone key={} upload={}", key,
                    upload.uploadId());
            state.end(key);
            return null;
        }
        long resumed = 0;
        for (PartInfo part : held) {
            String recorded = upload.parts().get(part.number());
            if (part.number() <= count && part.size() == partLength(item, part.number(),
                    partSize) && recorded != null && recorded.equalsIgnoreCase(part.etag())) {
                done.put(part.number(), part);
                resumed += part.size();
            }
        }
        summary.resumedParts(done.size());
        listener.progressed(item, resumed);
        LOG.info("resuming upload key={} upload={} parts={} of={}", key, upload.uploadId(),
                done.size(), count);
        return upload.uploadId();
    }

    private PartInfo part(MigrationItem item, String uploadId, int number, long partSize)
            throws TargetException, IOException, RunCancelled {
        if (cancelled.getAsBoolean()) {
            throw new RunCancelled();
        }
        long offset = (number - 1) * partSize;
        long length = partLength(item, number, partSize);
        String md5 = md5(Payload.ofFile(item.file(), offset, length, "0".repeat(32)));
        Payload payload = Payload.ofFile(item.file(), offset, length, md5);

        PartInfo sent = calls.attempt(item, () -> target.uploadPart(item.key(), uploadId, number,
                payload));
        if (MD5_HEX.matcher(sent.etag()).matches() && !sent.etag().equals(md5)) {
            throw new TargetException(TargetException.Kind.CORRUPT, null, "part " + number
                    + " of " + item.key() + " arrived as MD5 " + sent.etag() + ", sent " + md5,
                    null);
        }
        summary.sent(length);
        state.part(item.key().value(), number, md5);
        listener.progressed(item, length);
        return new PartInfo(number, length, sent.etag());
    }

    static boolean matches(ObjectInfo head, long size, String md5) {
        return head.size() == size && (md5.equals(head.metadata().get(SOURCE_MD5))
                || md5.equals(head.etag()));
    }

    /**
     * The ETag S3 gives a multipart object: the MD5 of the parts' binary MD5s, a dash and
     * the part count; empty when a part's ETag is not its MD5 (then nothing is compared).
     */
    static String multipartEtag(List<PartInfo> parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
        for (PartInfo part : parts) {
            if (!MD5_HEX.matcher(part.etag()).matches()) {
                return "";
            }
            digest.update(HexFormat.of().parseHex(part.etag()));
        }
        return HexFormat.of().formatHex(digest.digest()) + "-" + parts.size();
    }

    private static long partLength(MigrationItem item, int number, long partSize) {
        return Math.min(partSize, item.size() - (number - 1) * partSize);
    }

    private static String md5(Payload payload) throws IOException {
        Digests digests = Digests.create(false);
        byte[] buffer = new byte[Digests.BUFFER_BYTES];
        try (InputStream in = payload.source().open()) {
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                digests.update(buffer, 0, count);
            }
        }
        return digests.result().md5();
    }

    private static void rethrow(@Nullable Exception failure)
            throws TargetException, IOException, RunCancelled {
        if (failure == null) {
            return;
        }
        if (failure instanceof TargetException e) {
            throw e;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RunCancelled e) {
            throw e;
        }
        throw new IllegalStateException("unexpected failure of a part", failure);
    }
}
