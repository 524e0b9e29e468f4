package org.dmmigrate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.dmmigrate.model.Asset;
import org.dmmigrate.protocol.Cdn;
import org.dmmigrate.protocol.CdnBody;
import org.dmmigrate.protocol.CdnError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one asset from the CDN front to back, in the pieces the caller asks for, surviving
 * broken connections: it reopens at the next byte with a {@code Range} (skipping what a
 * server that ignores ranges sends again) and asks the service for a fresh link when the CDN
 * refuses one. Not thread-safe: one reader per asset.
 */
final class CdnReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdnReader.class);

    private final Cdn cdn;
    private final LinkSource links;
    private final AssetJob job;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;
    private final Runnable onRetry;
    private Asset asset;
    private long offset;
    private @Nullable CdnBody body;
    private @Nullable String etag;
    private long totalLength = -1;

    CdnReader(Cdn cdn, LinkSource links, AssetJob job, Backoff backoff,
            BooleanSupplier cancelled, Runnable onRetry) {
        this.cdn = cdn;
        this.links = links;
        this.job = job;
        this.asset = job.asset();
        this.backoff = backoff;
        this.cancelled = cancelled;
        this.onRetry = onRetry;
    }

    /** Fills {@code buffer[0, length)} with the next bytes of the asset. */
    void readFully(byte[] buffer, int length) throws TransferException {
        int filled = 0;
        int attempt = 0;
        while (filled < length) {
            if (cancelled.getAsBoolean()) {
                throw new TransferException("cancelled", false);
            }
            try {
                InputStream in = open().body();
                int count = in.read(buffer, filled, length - filled);
                if (count < 0) {
                    throw new IOException("the download ended at byte " + offset);
                }
                filled += count;
                offset += count;
                attempt = 0;
            } catch (IOException e) {
                closeBody();
                boolean retryable = !(e instanceof CdnError error) || error.isRetryable()
                        || error.isLinkRefused();
                Optional<Duration> delay = retryable ? backoff.delay(++attempt)
                        : Optional.empty();
                if (delay.isEmpty()) {
                    throw new TransferException("cannot read " + job.label() + " at byte "
                            + offset + ": " + e.getMessage(), false, e);
                }
                LOG.warn("retrying stream read asset={} offset={} attempt={} reason={}",
                        job.label(), offset, attempt, e.getMessage());
                onRetry.run();
                TargetCalls.sleep(delay.get());
            }
        }
    }

    private CdnBody open() throws IOException {
        if (body != null) {
            return body;
        }
        String link = AssetFiles.url(asset);
        if (link == null) {
            throw new CdnError("the service gave no download_url or stream_url for "
                    + job.label(), 0, false, null);
        }
        CdnBody opened;
        try {
            opened = cdn.open(URI.create(link), offset, offset > 0 ? etag : null);
        } catch (CdnError e) {
            if (e.isLinkRefused()) {
                try {
                    asset = links.refresh(job);
                } catch (TransferException refresh) {
                    throw new IOException(refresh.getMessage(), refresh);
                }
            }
            throw e;
        }
        body = opened;
        etag = opened.etag();
        totalLength = opened.totalLength();
        skip(opened, offset - opened.start());
        return opened;
    }

    /** Drops what a server that ignored the range sent again. */
    private static void skip(CdnBody body, long count) throws IOException {
        long left = count;
        byte[] scratch = new byte[64 * 1024];
        while (left > 0) {
            int read = body.body().read(scratch, 0, (int) Math.min(scratch.length, left));
            if (read < 0) {
                throw new IOException("the download ended before the resume point");
            }
            left -= read;
        }
    }

    /** The whole length of the asset as the CDN last gave it, or -1 when it did not. */
    long totalLength() {
        return totalLength;
    }

    /** The ETag of the content read, as the CDN last gave it; null before the first read. */
    @Nullable String etag() {
        return etag;
    }

    private void closeBody() {
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                LOG.debug("ignoring close failure asset={} reason={}", job.label(), e.toString());
            }
            body = null;
        }
    }

    @Override
    public void close() {
        closeBody();
    }
}
