package org.dmmigrate.engine;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.dmmigrate.target.ObjectInfo;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.ObjectMeta;
import org.dmmigrate.target.PartInfo;
import org.dmmigrate.target.Payload;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;
import org.dmmigrate.target.UploadInfo;

/**
 * A real target with a record of the writes that reached it: the part numbers the store
 * acknowledged and the whole-object PUTs; a hook may act after each acknowledged part
 * (cancel the run), chosen parts may be sent with a wrong MD5 and chosen listings of open
 * uploads may fail.
 */
class RecordingTarget implements Target {

    private final Target delegate;
    final Set<Integer> partsSent = ConcurrentHashMap.newKeySet();
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger partAttempts = new AtomicInteger();
    final AtomicInteger maxPartsInFlight = new AtomicInteger();
    private final AtomicInteger partsInFlight = new AtomicInteger();
    volatile Runnable afterPart = () -> { };
    volatile Set<Integer> corruptParts = Set.of();
    /** Which listings of open uploads (1 for the first) fail as a connection reset would. */
    volatile IntPredicate failedListings = n -> false;
    private final AtomicInteger listings = new AtomicInteger();

    RecordingTarget(Target delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws TargetException {
        return delegate.head(key);
    }

    @Override
    public String put(ObjectKey key, Payload payload, ObjectMeta meta) throws TargetException {
        String etag = delegate.put(key, payload, meta);
        puts.incrementAndGet();
        return etag;
    }

    @Override
    public InputStream open(ObjectKey key) throws TargetException {
        return delegate.open(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws TargetException {
        return delegate.list(prefix);
    }

    @Override
    public String createUpload(ObjectKey key, ObjectMeta meta) throws TargetException {
        return delegate.createUpload(key, meta);
    }

    @Override
    public PartInfo uploadPart(ObjectKey key, String uploadId, int number, Payload payload)
            throws TargetException {
        partAttempts.incrementAndGet();
        maxPartsInFlight.accumulateAndGet(partsInFlight.incrementAndGet(), Math::max);
        Payload sent = corruptParts.contains(number)
                ? new Payload(payload.length(), flip(payload.md5()), payload.source())
                : payload;
        PartInfo part;
        try {
            part = delegate.uploadPart(key, uploadId, number, sent);
        } finally {
            partsInFlight.decrementAndGet();
        }
        partsSent.add(number);
        afterPart.run();
        return part;
    }

    @Override
    public List<PartInfo> listParts(ObjectKey key, String uploadId) throws TargetException {
        return delegate.listParts(key, uploadId);
    }

    @Override
    public String completeUpload(ObjectKey key, String uploadId, List<PartInfo> parts)
            throws TargetException {
        return delegate.completeUpload(key, uploadId, parts);
    }

    @Override
    public void abortUpload(ObjectKey key, String uploadId) throws TargetException {
        delegate.abortUpload(key, uploadId);
    }

    @Override
    public List<UploadInfo> listUploads(String prefix) throws TargetException {
        if (failedListings.test(listings.incrementAndGet())) {
            throw new TargetException(TargetException.Kind.TRANSIENT, null,
                    "ListMultipartUploads failed: Connection reset (injected)", null);
        }
        return delegate.listUploads(prefix);
    }

    private static String flip(String md5) {
        char first = md5.charAt(0) == '0' ? '1' : '0';
        return first + md5.substring(1);
    }
}
