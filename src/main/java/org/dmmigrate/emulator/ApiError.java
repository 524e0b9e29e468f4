package org.dmmigrate.emulator;

/**
 * A CloudKey error the emulator answers with, as {@code {"error": {"code": ..., "message": ...}}}
 * inside an HTTP 200 response.
 */
final class ApiError extends RuntimeException {

    static final int AUTHENTICATION = 400;
    static final int RATE_LIMIT = 410;
    static final int SERIALIZER = 500;
    static final int INVALID_REQUEST = 600;
    static final int INVALID_OBJECT = 610;
    static final int INVALID_METHOD = 620;
    static final int INVALID_PARAMETER = 630;
    static final int INVALID_CALL = 640;
    static final int MISSING_PARAMETER = 650;
    static final int NOT_FOUND = 1010;

    private final int code;

    ApiError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
