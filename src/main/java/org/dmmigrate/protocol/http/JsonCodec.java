package org.dmmigrate.protocol.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * JSON for the wire: requests as compact UTF-8, responses as plain trees ({@code Map} in
 * document order, {@code List}, {@code String}, {@code Long} or {@code BigInteger},
 * {@code Double}, {@code Boolean}, null). Thread-safe.
 */
public final class JsonCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The UTF-8 JSON of a plain tree. */
    public byte[] encode(@Nullable Object tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not a JSON tree: " + e.getMessage(), e);
        }
    }

    /**
     * The plain tree of a UTF-8 JSON document.
     *
     * @throws IOException when the bytes are not exactly one JSON value
     */
    public @Nullable Object decode(byte[] json) throws IOException {
        return mapper.readValue(json, Object.class);
    }
}
