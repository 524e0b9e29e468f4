package org.dmmigrate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.dmmigrate.model.Asset;
import org.dmmigrate.protocol.Cdn;
import org.dmmigrate.protocol.CdnBody;
import org.dmmigrate.protocol.CdnError;
import org.dmmigrate.protocol.SignedUrls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one asset from the CDN into the backup, resumably and verified.
 *
 * <p>Bytes go to {@code <file>.part}; a rerun resumes it with a {@code Range} guarded by
 * {@code If-Range}, and a server that ignores the range or whose content changed restarts
 * the file from zero, never appends. The size ({@code file_size}) and the MD5
 * ({@code checksum}) are checked, then the file is synced and renamed: a file under its
 * final name is always a verified one. A refused link (403, 404, 410) is refreshed through
 * the API and the transfer continues from the same byte.
 *
 * <p>A file with nothing to check its bytes against (no {@code checksum}, no ETag that is
 * an MD5) is read from the CDN a second time, unless asked not to, and kept only when both
 * reads give the same MD5: a byte damaged in transit is then caught, as a checksum would
 * catch it.
 *
 * <p>Thread-safe: one instance serves every worker of a run.
 */
public final class Transfer {

    private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);

    // TODO(#3): throughput is 0.37-0.40 of curl and 0.69-0.76 of aria2c on 2 shared cores
    // (docs/benchmarks.md): the MD5 and SHA-256 of every byte and the per-file fsync cost CPU
    // that curl does not spend.
    /** Fits the L2 cache: larger buffers made the kernel copy into the page cache slower. */
    private static final int BUFFER_BYTES = 128 * 1024;

    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final Cdn cdn;
    private final LinkSource links;
    private final TransferListener listener;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;
    private final VerifiedFiles recorder;
    private final boolean secondRead;
    private volatile @Nullable Boolean etagsAreMd5;

    /** A transfer that reads unchecked files a second time. */
    public Transfer(Cdn cdn, LinkSource links, TransferListener listener, Backoff backoff,
            BooleanSupplier cancelled, VerifiedFiles recorder) {
        this(cdn, links, listener, backoff, cancelled, recorder, true);
    }

    /**
     * A transfer.
     *
     * @param secondRead whether a file with nothing to check its bytes against is read a
     *     second time and compared, or checked by its size only
     */
    public Transfer(Cdn cdn, LinkSource links, TransferListener listener, Backoff backoff,
            BooleanSupplier cancelled, VerifiedFiles recorder, boolean secondRead) {
        this.secondRead = secondRead;
        this.recorder = recorder;
        this.cdn = cdn;
        this.links = links;
        this.listener = listener;
        this.backoff = backoff;
        this.cancelled = cancelled;
    }

    /** Brings the job's file into the backup, or says why it could not. Never throws. */
    public TransferOutcome run(AssetJob job) {
        Attempts attempts = new Attempts(job);
        try {
            OptionalLong present = presentSize(job);
            if (present.isPresent()) {
                // A run killed between the rename and the removal of the state file left
                // that file (or an older partial) beside a verified one: no longer needed.
                attempts.partial.discard();
                return attempts.end(TransferOutcome.present(present.getAsLong()));
            }
            return attempts.end(attempts.loop());
        } catch (IOException e) {
            return attempts.end(TransferOutcome.failed(attempts.received,
                    "cannot write " + job.target() + ": " + e.getMessage()));
        }
    }

    /** The size of a verified file already under the final name, if it matches the listing. */
    private static OptionalLong presentSize(AssetJob job) throws IOException {
        Path target = job.target();
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            // Missing, or a link that might lead out of the backup: it is fetched and
            // replaced by a file of its own.
            return OptionalLong.empty();
        }
        long size = Files.size(target);
        OptionalLong expected = job.asset().fileSize();
        if (expected.isPresent() && expected.getAsLong() != size) {
            LOG.warn("replacing file whose size no longer matches path={} size={} listed={}",
                    target, size, expected.getAsLong());
            return OptionalLong.empty();
        }
        return OptionalLong.of(size);
    }

    /** The state of one transfer across its attempts. */
    private final class Attempts {

        private final AssetJob job;
        private final PartialFile partial;
        private Asset asset;
        private long received;
        private int attempt;

        Attempts(AssetJob job) {
            this.job = job;
            this.partial = new PartialFile(job.target());
            this.asset = job.asset();
        }

        TransferOutcome end(TransferOutcome outcome) {
            listener.finished(job, outcome);
            return outcome;
        }

        TransferOutcome loop() throws IOException {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    return TransferOutcome.cancelled(received);
                }
                try {
                    return once();
                } catch (TransferException e) {
                    if (cancelled.getAsBoolean()) {
                        return TransferOutcome.cancelled(received);
                    }
                    attempt++;
                    Optional<Duration> delay = e.isRetryable()
                            ? backoff.delay(attempt) : Optional.empty();
                    if (delay.isEmpty()) {
                        LOG.error("failed asset download asset={} attempts={} reason={}",
                                job.label(), attempt, e.getMessage());
                        return TransferOutcome.failed(received, e.getMessage());
                    }
                    LOG.warn("retrying asset download asset={} attempt={} delay={}ms reason={}",
                            job.label(), attempt, delay.get().toMillis(), e.getMessage());
                    listener.retrying(job, attempt, delay.get(), String.valueOf(e.getMessage()));
                    sleep(delay.get());
                }
            }
        }

        private TransferOutcome once() throws TransferException, IOException {
            long expected = asset.fileSize().orElse(-1);
            Optional<PartialFile.Resume> resume = expected >= 0
                    ? partial.resumable(expected) : Optional.empty();
            if (resume.isEmpty()) {
                discardPartial();
            }
            long offset = resume.map(PartialFile.Resume::length).orElse(0L);
            listener.started(job, offset);
            if (resume.isPresent() && offset == expected) {
                // A run stopped after the last byte and before the rename: a range from the
                // end would be refused (416), so check the bytes already here.
                LOG.info("verifying whole partial file asset={} bytes={}", job.label(), offset);
                return verified(offset, Digests.of(partial.path(), true),
                        resume.get().etag(), expected);
            }

            CdnBody body = open(offset, resume.map(PartialFile.Resume::etag).orElse(null));
            try (body) {
                if (body.start() != offset) {
                    LOG.info("restarting download from zero asset={} reason={}", job.label(),
                            "the server sent the whole file instead of a range");
                    listener.discarded(job, offset);
                    offset = 0;
                }
                if (expected >= 0 && body.totalLength() >= 0
                        && body.totalLength() != expected) {
                    throw contentChanged(body.totalLength(), expected);
                }
                if (offset == 0) {
                    partial.begin(body.etag(), expected);
                }
                Digests digests = offset > 0 ? Digests.resume(partial.path(), offset)
                        : Digests.create();
                // Without a listed size, the CDN's own length is the one to reach.
                long known = expected >= 0 ? expected : body.totalLength();
                long size = append(body, offset, known, digests);
                return verified(size, digests.result(), body.etag(), known);
            }
        }

        private CdnBody open(long offset, @Nullable String etag)
                throws TransferException, IOException {
            String link = AssetFiles.url(asset);
            if (link == null) {
                throw new TransferException("the service gave no download_url or stream_url "
                        + "for " + job.label(), false);
            }
            try {
                return cdn.open(URI.create(link), offset, etag);
            } catch (CdnError e) {
                if (e.isLinkRefused()) {
                    LOG.info("refreshing refused link asset={} status={}", job.label(),
                            e.status());
                    asset = links.refresh(job);
                    throw new TransferException("link refused (HTTP " + e.status()
                            + "), asked the service for a fresh one", true, e);
                }
                if (e.status() == RANGE_NOT_SATISFIABLE && offset > 0) {
                    // The server holds fewer bytes than the partial file: start again.
                    discardPartial();
                    listener.discarded(job, offset);
                    throw new TransferException("the server refused to resume at byte "
                            + offset + " (HTTP 416); starting again from zero", true, e);
                }
                throw new TransferException(e.getMessage(), e.isRetryable(), e);
            } catch (IllegalArgumentException e) {
                throw new TransferException("the service gave a malformed URL for "
                        + job.label() + ": " + SignedUrls.redact(link), false, e);
            }
        }

        private long append(CdnBody body, long offset, long expected, Digests digests)
                throws TransferException, IOException {
            long size = offset;
            byte[] buffer = new byte[BUFFER_BYTES];
            try (FileChannel out = FileChannel.open(partial.path(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                out.truncate(offset);
                out.position(offset);
                InputStream in = body.body();
                while (true) {
                    if (cancelled.getAsBoolean()) {
                        out.force(false);
                        throw new TransferException("cancelled", false);
                    }
                    int count = read(in, buffer);
                    if (count < 0) {
                        break;
                    }
                    if (expected >= 0 && size + count > expected) {
                        throw new TransferException("the server sent more than the listed "
                                + expected + " bytes", true);
                    }
                    digests.update(buffer, 0, count);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, count);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    size += count;
                    received += count;
                    listener.progressed(job, count);
                }
                out.force(true);
            }
            return size;
        }

        private int read(InputStream in, byte[] buffer) throws TransferException {
            try {
                return in.read(buffer);
            } catch (IOException e) {
                throw new TransferException("the download broke off: " + e.getMessage(), true, e);
            }
        }

        private TransferOutcome verified(long size, FileDigest digest, @Nullable String etag,
                long expected) throws TransferException, IOException {
            String md5 = digest.md5();
            if (expected >= 0 && size != expected) {
                throw new TransferException("the download ended at " + size + " of "
                        + expected + " bytes", true);
            }
            String checksum = asset.checksum();
            if (checksum != null && !checksum.equalsIgnoreCase(md5)) {
                TransferException corrupt = corrupt("MD5 " + md5
                        + " differs from the listed checksum " + checksum);
                // Re-encoded to the same size since it was listed? Check the next attempt
                // against a fresh listing, else every retry fails on the old checksum.
                refreshListing();
                throw corrupt;
            }
            String etagDigest = md5OfEtag(etag);
            if (etagDigest != null) {
                learnEtags(checksum, etagDigest, md5);
            }
            boolean etagChecks = checksum == null && etagDigest != null
                    && etagsAreMd5 != Boolean.FALSE;
            if (etagChecks && !etagDigest.equals(md5)) {
                // An ETag shaped like an MD5 is taken as one, unless a source whose checksum
                // matched has shown that this CDN's ETags are something else.
                throw corrupt("MD5 " + md5 + " differs from the ETag " + etagDigest);
            }
            TransferOutcome.Check check = checksum != null ? TransferOutcome.Check.CHECKSUM
                    : etagChecks ? TransferOutcome.Check.ETAG
                    : secondRead ? TransferOutcome.Check.SECOND_READ
                    : TransferOutcome.Check.SIZE_ONLY;
            if (check == TransferOutcome.Check.SECOND_READ) {
                String again = readAgain(size, etag);
                if (!again.equals(md5)) {
                    throw corrupt("MD5 " + md5 + " of the download differs from MD5 " + again
                            + " of a second read, and the service gives no checksum to tell "
                            + "which is right");
                }
            }
            partial.promote(job.target());
            recorder.verified(job, digest);
            return TransferOutcome.downloaded(received, size, check);
        }

        /**
         * The MD5 of the asset read from the CDN once more, front to back, not stored.
         *
         * @throws TransferException when the CDN's content changed since the download
         */
        private String readAgain(long size, @Nullable String etag) throws TransferException {
            LOG.info("reading unchecked asset again asset={} bytes={}", job.label(), size);
            Digests again = Digests.create(false);
            byte[] buffer = new byte[BUFFER_BYTES];
            String etagAgain;
            try (CdnReader reader = new CdnReader(cdn, links, job, backoff, cancelled,
                    () -> { })) {
                for (long left = size; left > 0; ) {
                    int length = (int) Math.min(buffer.length, left);
                    reader.readFully(buffer, length);
                    again.update(buffer, 0, length);
                    left -= length;
                    received += length;
                }
                etagAgain = reader.etag();
                if (reader.totalLength() >= 0 && reader.totalLength() != size) {
                    throw new TransferException("the CDN's file has " + reader.totalLength()
                            + " bytes, the download " + size, true);
                }
            }
            if (etag != null && etagAgain != null && !etag.equals(etagAgain)) {
                asset = links.refresh(job);
                throw new TransferException("the file changed on the CDN between two reads "
                        + "(ETag " + etag + ", then " + etagAgain + "); listing refreshed", true);
            }
            return again.result().md5();
        }

        private TransferException corrupt(String detail) throws IOException {
            long size = Files.exists(partial.path()) ? Files.size(partial.path()) : 0;
            discardPartial();
            listener.discarded(job, size);
            LOG.warn("discarding corrupt download asset={} detail={}", job.label(), detail);
            return new TransferException("corrupt download discarded: " + detail, true);
        }

        private TransferException contentChanged(long served, long expected) {
            try {
                asset = links.refresh(job);
            } catch (TransferException e) {
                return e;
            }
            return new TransferException("the server's file has " + served
                    + " bytes, the listing said " + expected + "; listing refreshed", true);
        }

        private void refreshListing() {
            try {
                asset = links.refresh(job);
            } catch (TransferException e) {
                LOG.warn("kept listing asset={} reason={}", job.label(), e.getMessage());
            }
        }

        private void discardPartial() throws IOException {
            partial.discard();
        }

        private void sleep(Duration delay) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Learns from a file whose service checksum matched whether this CDN's MD5-shaped ETags
     * are MD5s: true, false, or null while unknown.
     */
    private void learnEtags(@Nullable String checksum, String etagDigest, String md5) {
        if (checksum != null && checksum.equalsIgnoreCase(md5) && etagsAreMd5 == null) {
            etagsAreMd5 = etagDigest.equals(md5);
            LOG.info("learned cdn etags are_md5={}", etagsAreMd5);
        }
    }

    private static @Nullable String md5OfEtag(@Nullable String etag) {
        if (etag == null) {
            return null;
        }
        String bare = etag.replace("W/", "").replace("\"", "").toLowerCase(Locale.ROOT);
        return bare.matches("[0-9a-f]{32}") ? bare : null;
    }
}
