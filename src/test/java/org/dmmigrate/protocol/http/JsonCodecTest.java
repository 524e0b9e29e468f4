package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = new JsonCodec();

    @Test
    void requestEncodesAsCompactUtf8InInsertionOrder() {
        Map<String, @Nullable Object> request = new LinkedHashMap<>();
        request.put("call", "media.set_meta");
        request.put("args", Map.of("title", "Vidéo ☃ 😀"));
        request.put("auth", "u:d");

        String json = new String(codec.encode(request), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"call\":\"media.set_meta\","
                + "\"args\":{\"title\":\"Vidéo ☃ 😀\"},\"auth\":\"u:d\"}");
    }

    @Test
    void pythonStyleResponseDecodesToPlainTreeInDocumentOrder() throws IOException {
        String body = "{\"result\": {\"z\": 1, \"a\": [true, null, 2.5, \"Vid\\u00e9o\"],"
                + " \"big\": 123456789012345678901234567890, \"n\": -3}}";

        Object tree = codec.decode(body.getBytes(StandardCharsets.UTF_8));

        Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) tree).get("result");
        assertThat(List.copyOf(result.keySet())).isEqualTo(List.of("z", "a", "big", "n"));
        assertThat(result.get("z")).isEqualTo(1L);
        assertThat(result.get("n")).isEqualTo(-3L);
        assertThat(result.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(result.get("a")).isEqualTo(Arrays.asList(true, null, 2.5, "Vidéo"));
    }

    @Test
    void treeSurvivesARoundTrip() throws IOException {
        Map<String, @Nullable Object> tree = new LinkedHashMap<>();
        tree.put("list", Arrays.asList(Map.of("id", "5000000000000000000000d4"), null, 7L));
        tree.put("has_more", false);
        tree.put("astral", "😀");

        Object decoded = codec.decode(codec.encode(tree));

        assertThat(decoded).isEqualTo(tree);
    }

    @Test
    void trailingGarbageTruncationAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> codec.decode("{\"result\": 1} <html>".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.decode("{\"a\": 1, \"a\": 2}".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.decode("{\"result\": [1, 2".getBytes(
                StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    @Test
    void nonJsonValuesCannotBeEncoded() {
        assertThatThrownBy(() -> codec.encode(Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
