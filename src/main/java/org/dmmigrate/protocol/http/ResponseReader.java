package org.dmmigrate.protocol.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.dmmigrate.protocol.CallError;
import org.jspecify.annotations.Nullable;

/**
 * Turns one HTTP answer into a call result or a {@link CallError}, whatever its status:
 * the service answers errors with 200, proxies answer with HTML. Stateless.
 */
final class ResponseReader {

    private static final int PREVIEW_CHARS = 80;

    private final JsonCodec codec;

    ResponseReader(JsonCodec codec) {
        this.codec = codec;
    }

    @Nullable Object read(String callName, int status, byte[] body,
            @Nullable Duration retryAfter) {
        Object tree;
        try {
            tree = codec.decode(body);
        } catch (IOException e) {
            throw CallError.badResponse(callName, status, "answer is not JSON ("
                    + body.length + " bytes: " + preview(body) + ")", e)
                    .withHttp(status, retryAfter);
        }
        if (!(tree instanceof Map<?, ?> response)) {
            throw CallError.badResponse(callName, status, "answer is not a JSON object", null)
                    .withHttp(status, retryAfter);
        }

        Object error = response.get("error");
        if (error != null) {
            throw serviceError(callName, error).withHttp(status, retryAfter);
        }
        if (!response.containsKey("result") && (status < 200 || status >= 300)) {
            throw CallError.badResponse(callName, status,
                    "answer has neither result nor error", null).withHttp(status, retryAfter);
        }
        return response.get("result");
    }

    private static CallError serviceError(String callName, Object error) {
        if (!(error instanceof Map<?, ?> fields) || !(fields.get("code") instanceof Number code)) {
            return CallError.badResponse(callName, null, "error member without a numeric code",
                    null);
        }
        Object message = fields.get("message");
        int number = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                code.longValue()));
        return CallError.of(callName, number, message instanceof String text ? text : "",
                fields.get("data"));
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, PREVIEW_CHARS * 4),
                StandardCharsets.UTF_8);
        String flat = text.replaceAll("\\s+", " ").trim();
        String cut = flat.length() > PREVIEW_CHARS ? flat.substring(0, PREVIEW_CHARS) + "..."
                : flat;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
