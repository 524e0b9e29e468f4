package org.dmmigrate.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code POST /api} pipeline: decode the body, authenticate, count against rate limits,
 * resolve {@code object.method}, run it and answer {@code {"result": ...}} or
 * {@code {"error": {...}}} in Python json style. Thread-safe.
 */
final class ApiEndpoint {

    /** The answer to one call: HTTP status (200 unless a fault says otherwise) and body. */
    record Answer(int status, String contentType, String body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String JSON = "application/json";

    private final EmulatorContext context;
    private final Authenticator authenticator;
    private final Map<String, ApiMethod> methods = new HashMap<>();
    private final Set<String> objects = new HashSet<>();

    ApiEndpoint(EmulatorContext context) {
        this.context = context;
        this.authenticator = new Authenticator(context.store());
        MediaMethods media = new MediaMethods(context);
        media.register(methods);
        new MediaEditMethods(context, media).register(methods);
        new UserMethods(context).register(methods);
        for (String name : methods.keySet()) {
            objects.add(name.substring(0, name.indexOf('.')));
        }
    }

    Answer handle(byte[] body) {
        JsonNode request = null;
        String call = "";
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        if (request != null && request.path("call").isTextual()) {
            call = request.get("call").textValue();
        }

        Optional<Fault> failure = context.faults().fire(FaultKind.HTTP_ERROR, "api", call);
        if (failure.isPresent()) {
            int status = failure.get().integer("status", 503);
            context.recorder().call(new RecordedCall(call, null, null, status));
            return new Answer(status, "text/plain", "Service unavailable (injected fault)\n");
        }

        Caller caller = null;
        try {
            if (request == null || request.isMissingNode()) {
                throw new ApiError(ApiError.SERIALIZER, "Cannot decode the request as JSON");
            }
            if (!request.isObject()) {
                throw new ApiError(ApiError.INVALID_REQUEST, "The request must be a JSON object");
            }
            caller = authenticator.authenticate((ObjectNode) request);
            if (context.faults().rateLimited(call, context.clock().millis())) {
                throw new ApiError(ApiError.RATE_LIMIT, "Rate limit exceeded, retry later");
            }
            Object result = dispatch(caller, request);
            record(call, caller, null);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("result", result);
            return new Answer(200, JSON, PythonJson.write(out));
        } catch (ApiError e) {
            record(call, caller, e.code());
            return error(e);
        }
    }

    private @Nullable Object dispatch(Caller caller, JsonNode request) {
        JsonNode callNode = request.get("call");
        if (callNode == null || !callNode.isTextual()) {
            throw new ApiError(ApiError.INVALID_REQUEST, "The request needs a 'call' string");
        }
        String call = callNode.textValue();
        int dot = call.indexOf('.');
        if (dot <= 0 || dot == call.length() - 1) {
            throw new ApiError(ApiError.INVALID_CALL, "Invalid call '" + call
                    + "', expected <object>.<method>");
        }
        String object = call.substring(0, dot);
        if (!objects.contains(object)) {
            throw new ApiError(ApiError.INVALID_OBJECT, "Unknown object '" + object + "'");
        }
        ApiMethod method = methods.get(call);
        if (method == null) {
            throw new ApiError(ApiError.INVALID_METHOD, "'" + capitalise(object)
                    + "' object has no attribute '" + call.substring(dot + 1) + "'");
        }
        return method.invoke(caller, new Args(call, request.get("args")));
    }

    private void record(String call, @Nullable Caller caller, @Nullable Integer code) {
        String callerId = caller == null ? null : caller.caller().id();
        String actAsId = caller == null || caller.actAs() == null ? null : caller.actAs().id();
        context.recorder().call(new RecordedCall(call, callerId, actAsId, code));
    }

    private static Answer error(ApiError e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", e.code());
        detail.put("message", e.getMessage());
        return new Answer(200, JSON, PythonJson.write(Map.of("error", detail)));
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Parses a JSON body for other handlers (uploads); null when it is not JSON. */
    static @Nullable JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
