package org.dmmigrate.emulator;

import java.util.Locale;

/** The kinds of misbehaviour the emulator can inject, each with its name in the fault grammar. */
public enum FaultKind {

    /** API: error 410 once more than {@code calls} calls arrive within {@code window}. */
    RATE_LIMIT("rate-limit"),
    /** API or CDN ({@code on=api|cdn}): HTTP {@code status} (default 503) instead of an answer. */
    HTTP_ERROR("http-error"),
    /** CDN: the connection is reset (TCP RST) after {@code after} body bytes. */
    RESET("reset"),
    /** CDN: the body stops after {@code after} bytes for {@code for} (default forever). */
    STALL("stall"),
    /** CDN: the connection closes after {@code after} bytes, short of the Content-Length. */
    TRUNCATE("truncate"),
    /** CDN: the byte at file {@code offset} (default: seeded random) is flipped. */
    CORRUPT("corrupt"),
    /** CDN: a signed URL is refused with 403 as if it had expired. */
    EXPIRE("expire"),
    /** CDN: the Range header is ignored and the full file is sent with 200. */
    IGNORE_RANGE("ignore-range"),
    /** CDN: the asset gets new bytes (new ETag, file_size, checksum) before this request. */
    CHANGE_CONTENT("change-content");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** The name used on the command line, e.g. {@code rate-limit}. */
    public String label() {
        return label;
    }

    /** Finds a kind by its label (or enum name, any case). */
    public static FaultKind fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (FaultKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text + "'; expected one of "
                + "rate-limit, http-error, reset, stall, truncate, corrupt, expire, ignore-range, "
                + "change-content");
    }
}
