package org.dmmigrate.protocol;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failed CloudKey call: an error answered by the service, or a client-side transport or
 * serialisation fault. Immutable; {@link #isRetryable()} is the one place that decides
 * whether trying again may help.
 *
 * <p>Messages name the call and the next step; they never contain the API key or an auth
 * token (text from the service is passed through {@link Redaction}).
 */
public final class CallError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String callName;
    private final int code;
    private final String serviceMessage;
    private final transient @Nullable Object data;
    private final @Nullable Integer httpStatus;
    private final @Nullable Duration retryAfter;
    private final int attempts;

    private CallError(Builder builder, @Nullable Throwable cause) {
        super(describe(builder), cause);
        this.callName = builder.callName;
        this.code = builder.code;
        this.serviceMessage = builder.serviceMessage;
        this.data = builder.data;
        this.httpStatus = builder.httpStatus;
        this.retryAfter = builder.retryAfter;
        this.attempts = builder.attempts;
    }

    /** An error the service answered with ({@code {"error": {...}}}). */
    public static CallError of(String callName, int code, String message, @Nullable Object data) {
        return new Builder(callName, code, message).data(data).build(null);
    }

    /** The call did not reach the service or its answer did not come back. */
    public static CallError transport(String callName, String detail, @Nullable Throwable cause) {
        return new Builder(callName, ErrorKind.TRANSPORT.code(), detail).build(cause);
    }

    /** The answer was not a CloudKey JSON response (e.g. an HTML page from a proxy). */
    public static CallError badResponse(String callName, @Nullable Integer httpStatus,
            String detail, @Nullable Throwable cause) {
        return new Builder(callName, ErrorKind.SERIALIZER.code(), detail)
                .http(httpStatus, null)
                .build(cause);
    }

    /** This error with the HTTP status and Retry-After delay of the response that carried it. */
    public CallError withHttp(@Nullable Integer status, @Nullable Duration delay) {
        return toBuilder().http(status, delay).build(getCause());
    }

    /** This error, noting that it is the last of {@code count} attempts. */
    public CallError afterAttempts(int count) {
        Builder builder = toBuilder();
        builder.attempts = count;
        return builder.build(getCause());
    }

    public String callName() {
        return callName;
    }

    /** The raw error code, kept even when {@link #kind()} is only its family. */
    public int code() {
        return code;
    }

    public ErrorKind kind() {
        return ErrorKind.of(code);
    }

    /** The message as the service (or the client-side fault) gave it, redacted. */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** The optional {@code data} member of the error, as a plain JSON tree. */
    public @Nullable Object data() {
        return data;
    }

    /** The HTTP status of the response, null when there was none. */
    public @Nullable Integer httpStatus() {
        return httpStatus;
    }

    /** The delay the service asked for with {@code Retry-After}, null when absent. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** How many attempts were made before giving up (1 when not retried). */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether the same call may succeed later: transport faults, HTTP 5xx/408/429, garbled
     * answers, rate limiting and server processing errors are retryable; authentication,
     * invalid requests and application errors (not found, exists...) are permanent.
     */
    public boolean isRetryable() {
        if (httpStatus != null && (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429)) {
            return true;
        }
        return switch (kind()) {
            case TRANSPORT, PROCESSOR, RATE_LIMIT -> true;
            case SERIALIZER -> httpStatus == null || httpStatus < 300;
            default -> false;
        };
    }

    private Builder toBuilder() {
        Builder builder = new Builder(callName, code, serviceMessage).data(data);
        builder.attempts = attempts;
        return builder.http(httpStatus, retryAfter);
    }

    private static String describe(Builder builder) {
        ErrorKind kind = ErrorKind.of(builder.code);
        StringBuilder text = new StringBuilder()
                .append("call ").append(builder.callName)
                .append(" failed with error ").append(builder.code)
                .append(" (").append(kind).append(')');
        if (builder.httpStatus != null) {
            text.append(", HTTP ").append(builder.httpStatus);
        }
        if (builder.attempts > 1) {
            text.append(", after ").append(builder.attempts).append(" attempts");
        }
        text.append(": ").append(builder.serviceMessage);

        String hint = hint(kind);
        if (!hint.isEmpty()) {
            text.append("; ").append(hint);
        }
        return text.toString();
    }

    private static String hint(ErrorKind kind) {
        return switch (kind) {
            case AUTHENTICATION -> "check DMCLOUD_USER_ID and DMCLOUD_API_KEY, and that the user"
                    + " may act as the target user";
            case RATE_LIMIT -> "the service is throttling calls; rerun later or lower the"
                    + " concurrency";
            case TRANSPORT -> "check the network and the API base URL, then rerun to resume";
            case SERIALIZER -> "the answer was not CloudKey JSON; check that the API base URL"
                    + " points at the CloudKey API";
            case PROCESSOR -> "the service failed internally; rerun to resume";
            case INVALID_REQUEST, INVALID_OBJECT, INVALID_METHOD, INVALID_PARAMETER,
                    INVALID_CALL, MISSING_PARAMETER -> "the service refused the request; report"
                    + " this message as a bug of dmcloud-migrate";
            case NOT_FOUND -> "the object no longer exists on the service";
            case LIMIT_EXCEEDED -> "the account quota is reached";
            default -> "";
        };
    }

    /** Collects the fields; an error is built once, complete. */
    private static final class Builder {

        private final String callName;
        private final int code;
        private final String serviceMessage;
        private @Nullable Object data;
        private @Nullable Integer httpStatus;
        private @Nullable Duration retryAfter;
        private int attempts = 1;

        Builder(String callName, int code, String serviceMessage) {
            this.callName = Objects.requireNonNull(callName, "callName");
            this.code = code;
            this.serviceMessage = Redaction.redact(serviceMessage);
        }

        Builder data(@Nullable Object value) {
            this.data = value;
            return this;
        }

        Builder http(@Nullable Integer status, @Nullable Duration delay) {
            this.httpStatus = status;
            this.retryAfter = delay;
            return this;
        }

        CallError build(@Nullable Throwable cause) {
            return new CallError(this, cause);
        }
    }
}
