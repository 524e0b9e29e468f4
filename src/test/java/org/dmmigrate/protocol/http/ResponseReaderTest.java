package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.ErrorKind;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader(new JsonCodec());

    @Test
    void resultIsReturnedAsATree() {
        Object result = reader.read("media.count", 200, bytes("{\"result\": {\"count\": 4}}"),
                null);

        assertThat(result).isEqualTo(Map.of("count", 4L));
    }

    @Test
    void nullOrAbsentResultIsNull() {
        assertThat(reader.read("media.delete", 200, bytes("{\"result\": null}"), null)).isNull();
        assertThat(reader.read("media.delete", 200, bytes("{}"), null)).isNull();
    }

    @Test
    void errorBodyWithStatus200IsACallError() {
        CallError error = catchThrowableOfType(CallError.class, () -> reader.read("media.count",
                200, bytes("{\"error\": {\"message\": \"'Media' object has no attribute"
                        + " 'count'\", \"code\": 620, \"data\": {\"x\": 1}}}"), null));

        assertThat(error.code()).isEqualTo(620);
        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_METHOD);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(error.data()).isEqualTo(Map.of("x", 1L));
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getMessage()).contains("media.count", "has no attribute 'count'");
    }

    @Test
    void htmlGatewayPageIsARetryableSerializerError() {
        CallError error = catchThrowableOfType(CallError.class, () -> reader.read("media.search",
                502, bytes("<html><body><h1>502 Bad Gateway</h1></body></html>"),
                Duration.ofSeconds(2)));

        assertThat(error.kind()).isEqualTo(ErrorKind.SERIALIZER);
        assertThat(error.httpStatus()).isEqualTo(502);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("502 Bad Gateway", "not JSON");
    }

    @Test
    void jsonWithoutResultOnAnErrorStatusIsRefused() {
        CallError error = catchThrowableOfType(CallError.class, () -> reader.read("user.search",
                503, bytes("{\"message\": \"unavailable\"}"), null));

        assertThat(error.kind()).isEqualTo(ErrorKind.SERIALIZER);
        assertThat(error.isRetryable()).isTrue();
    }

    @Test
    void nonObjectAnswerAndCodelessErrorAreSerializerErrors() {
        CallError array = catchThrowableOfType(CallError.class,
                () -> reader.read("media.list", 200, bytes("[1]"), null));
        CallError codeless = catchThrowableOfType(CallError.class,
                () -> reader.read("media.list", 200, bytes("{\"error\": \"boom\"}"), null));

        assertThat(array.kind()).isEqualTo(ErrorKind.SERIALIZER);
        assertThat(codeless.kind()).isEqualTo(ErrorKind.SERIALIZER);
        assertThat(codeless.httpStatus()).isEqualTo(200);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
