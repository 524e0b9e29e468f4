package org.dmmigrate.protocol;

/**
 * The CloudKey error families, by their numeric code (spec section 3).
 *
 * <p>Codes the service may add later map to their nearest family with {@link #of(int)}; the
 * raw code stays on the {@link CallError}.
 */
public enum ErrorKind {
    RPC(100),
    PROCESSOR(200),
    TRANSPORT(300),
    AUTHENTICATION(400),
    RATE_LIMIT(410),
    SERIALIZER(500),
    INVALID_REQUEST(600),
    INVALID_OBJECT(610),
    INVALID_METHOD(620),
    INVALID_PARAMETER(630),
    INVALID_CALL(640),
    MISSING_PARAMETER(650),
    APPLICATION(1000),
    NOT_FOUND(1010),
    EXISTS(1020),
    LIMIT_EXCEEDED(1030);

    private final int code;

    ErrorKind(int code) {
        this.code = code;
    }

    /** The code the service uses for this family. */
    public int code() {
        return code;
    }

    /**
     * The kind of a raw code: an exact match, else the family base (1000-1999 is
     * {@link #APPLICATION}, 600-699 {@link #INVALID_REQUEST}), else {@link #RPC}.
     */
    public static ErrorKind of(int code) {
        for (ErrorKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }

        if (code >= 1000 && code < 2000) {
            return APPLICATION;
        }
        if (code >= 600 && code < 700) {
            return INVALID_REQUEST;
        }
        return RPC;
    }
}
