package org.dmmigrate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Raw HTTP calls to an emulator's {@code /api}, signed by {@link TestSigner}. */
final class TestApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    TestApi(Emulator emulator) {
        this.endpoint = URI.create(emulator.baseUrl() + "/api");
    }

    static ObjectNode args() {
        return JSON.createObjectNode();
    }

    /** The whole response object of a signed call ({@code result} or {@code error}). */
    JsonNode call(EmulatedUser user, @Nullable EmulatedUser actAs, String call,
            @Nullable ObjectNode args) {
        ObjectNode request = JSON.createObjectNode();
        request.put("call", call);
        if (args != null) {
            request.set("args", args);
        }
        String infos = actAs == null ? user.id() : user.id() + "/" + actAs.id();
        request.put("auth", TestSigner.auth(infos, user.apiKey(), request));
        return parse(post(request.toString()).body());
    }

    JsonNode call(EmulatedUser user, String call, ObjectNode args) {
        return call(user, null, call, args);
    }

    /** The {@code result} of a call that must succeed. */
    JsonNode result(EmulatedUser user, @Nullable EmulatedUser actAs, String call,
            ObjectNode args) {
        JsonNode response = call(user, actAs, call, args);
        if (!response.has("result")) {
            throw new AssertionError(call + " failed: " + response);
        }
        return response.get("result");
    }

    JsonNode result(EmulatedUser user, String call, ObjectNode args) {
        return result(user, null, call, args);
    }

    /** The error code of a call, or 0 when it succeeded. */
    int errorCode(EmulatedUser user, @Nullable EmulatedUser actAs, String call,
            ObjectNode args) {
        return call(user, actAs, call, args).path("error").path("code").asInt(0);
    }

    HttpResponse<String> post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
