package org.dmmigrate.target;

import org.jspecify.annotations.Nullable;

/**
 * A target operation that failed, with what to do next: {@link #isRetryable()} for network
 * faults, throttling and server errors; {@link Kind#REJECTED} when the store refused the
 * credentials; {@link Kind#CORRUPT} when it refused a body whose checksum did not match.
 * The message names the key and the store's error code, never a secret.
 */
public final class TargetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure it is. */
    public enum Kind {
        /** A network fault, a timeout, throttling or a 5xx: try again later. */
        TRANSIENT,
        /** The credentials are wrong, or lack the right (403, InvalidAccessKeyId, ...). */
        REJECTED,
        /** The store refused a body whose checksum did not match (BadDigest). */
        CORRUPT,
        /** The object, bucket or upload does not exist. */
        NOT_FOUND,
        /** Any other refusal: retrying will not help. */
        PERMANENT
    }

    private final Kind kind;
    private final @Nullable String code;

    public TargetException(Kind kind, @Nullable String code, String message,
            @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The store's error code, such as {@code BadDigest}, or null when there was none. */
    public @Nullable String code() {
        return code;
    }

    public boolean isRetryable() {
        return kind == Kind.TRANSIENT;
    }
}
