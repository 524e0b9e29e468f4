package org.dmmigrate.protocol;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A CDN request that failed, classified once: a refused link (ask the API for a fresh
 * one), a retryable fault, or a permanent refusal. Messages never hold a URL's signature.
 */
public final class CdnError extends IOException {

    private final int status;
    private final boolean retryable;

    public CdnError(String message, int status, boolean retryable, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** The HTTP status, or 0 when the transport failed before one arrived. */
    public int status() {
        return status;
    }

    /** A 403, 404 or 410: the signed link expired or was refused; ask for a fresh one. */
    public boolean isLinkRefused() {
        return status == 403 || status == 404 || status == 410;
    }

    /** Whether the same request may succeed later: transport faults, 5xx, 429. */
    public boolean isRetryable() {
        return retryable;
    }
}
