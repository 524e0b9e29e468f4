package org.dmmigrate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallErrorTest {

    @ParameterizedTest(name = "code {0} is {1}")
    @CsvSource({
        "100, RPC", "200, PROCESSOR", "300, TRANSPORT", "400, AUTHENTICATION",
        "410, RATE_LIMIT", "500, SERIALIZER", "600, INVALID_REQUEST", "610, INVALID_OBJECT",
        "620, INVALID_METHOD", "630, INVALID_PARAMETER", "640, INVALID_CALL",
        "650, MISSING_PARAMETER", "1000, APPLICATION", "1010, NOT_FOUND", "1020, EXISTS",
        "1030, LIMIT_EXCEEDED", "1099, APPLICATION", "1500, APPLICATION",
        "660, INVALID_REQUEST", "0, RPC", "420, RPC", "2000, RPC", "-1, RPC"
    })
    void codesMapToTheirKindOrNearestBase(int code, ErrorKind expected) {
        CallError error = CallError.of("media.info", code, "boom", null);

        assertThat(error.kind()).isEqualTo(expected);
        assertThat(error.code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "code {0} with HTTP {1} retryable={2}")
    @CsvSource({
        "200, 200, true", "300, , true", "410, 200, true", "500, , true", "500, 502, true",
        "500, 200, true", "500, 404, false", "400, 200, false", "600, 200, false",
        "620, 200, false", "630, 200, false", "650, 200, false", "1000, 200, false",
        "1010, 200, false", "1020, 200, false", "1030, 200, false", "100, 200, false",
        "1010, 503, true", "400, 429, true", "600, 408, true"
    })
    void retryabilityFollowsTheClassificationTable(int code, Integer status, boolean expected) {
        CallError error = CallError.of("media.search", code, "x", null).withHttp(status, null);

        assertThat(error.isRetryable()).isEqualTo(expected);
    }

    @Test
    void transportFaultsAreRetryable() {
        CallError error = CallError.transport("user.search", "connection refused", null);

        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSPORT);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.httpStatus()).isNull();
    }

    @Test
    void htmlFromAProxyIsARetryableSerializerError() {
        CallError error = CallError.badResponse("media.get_assets", 502, "not JSON", null);

        assertThat(error.kind()).isEqualTo(ErrorKind.SERIALIZER);
        assertThat(error.httpStatus()).isEqualTo(502);
        assertThat(error.isRetryable()).isTrue();
    }

    @Test
    void authenticationMessageNamesCallAndNextStep() {
        CallError error = CallError.of("organisation.get", 400, "invalid signature", null);

        assertThat(error.getMessage())
                .contains("organisation.get", "400", "AUTHENTICATION", "invalid signature")
                .contains("check DMCLOUD_USER_ID and DMCLOUD_API_KEY");
    }

    @Test
    void messageCountsAttemptsAndKeepsStatusAndRetryAfter() {
        CallError error = CallError.of("media.search", 410, "rate limit", Map.of("limit", 5L))
                .withHttp(200, Duration.ofSeconds(3))
                .afterAttempts(4);

        assertThat(error.getMessage()).contains("after 4 attempts", "HTTP 200", "media.search");
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(error.data()).isEqualTo(Map.of("limit", 5L));
        assertThat(error.attempts()).isEqualTo(4);
    }

    @Test
    void messagesNeverShowAuthTokensOrKeys() {
        String token = "5000000000000000000000a1/5000000000000000000000b2:"
                + "06001992803a4e6f80c8c62aa249af0e";
        String key = "0123456789abcdef0123456789abcdef01234567";

        CallError error = CallError.of("media.search", 400, "bad auth " + token + " key=" + key,
                null);

        assertThat(error.getMessage()).doesNotContain(token).doesNotContain(key)
                .doesNotContain("06001992803a4e6f80c8c62aa249af0e")
                .contains("<auth redacted>", "<key redacted>");
        assertThat(error.toString()).doesNotContain(key).doesNotContain(token);
        assertThat(error.serviceMessage()).doesNotContain(key);
    }

    @Test
    void redactionKeepsMediaIdsAndChecksums() {
        String text = "media 5000000000000000000000d4 checksum e6d8f2a5920ef16e4eba76f2925b8b69";

        assertThat(Redaction.redact(text)).isEqualTo(text);
    }
}
