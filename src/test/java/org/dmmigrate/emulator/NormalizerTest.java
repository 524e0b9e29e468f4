package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizerTest {

    static List<JsonNode> normalizeVectors() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode vector : vectors().get("normalize_vectors")) {
            if (vector.has("input")) {
                out.add(vector);
            }
        }
        return out;
    }

    static List<JsonNode> authVectors() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        vectors().get("auth_vectors").forEach(out::add);
        return out;
    }

    static JsonNode vectors() throws IOException {
        try (InputStream in = NormalizerTest.class.getResourceAsStream(
                "/org/dmmigrate/protocol/dmcloud-api-vectors.json")) {
            return TestApi.JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("normalizeVectors")
    void normalizesLikeTheService(JsonNode vector) {
        String normalized = Normalizer.normalize(vector.get("input"));

        assertThat(normalized).as(vector.get("name").asText())
                .isEqualTo(vector.get("expected").asText());
    }

    @ParameterizedTest
    @MethodSource("authVectors")
    void normalizesEveryAuthVectorRequest(JsonNode vector) {
        String normalized = Normalizer.normalize(vector.get("request"));

        assertThat(normalized).as(vector.get("name").asText())
                .isEqualTo(vector.get("normalized").asText());
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0", "100.0, 100.0", "1e20, 1e+20", "1e-5, 1e-05",
        "1.7777777777777777, 1.77777777778", "0.30000000000000004, 0.3", "-2.5, -2.5",
        "123456789012.0, 123456789012.0", "1234567890123.0, 1.23456789012e+12",
        "0.0001, 0.0001", "0.0, 0.0"})
    void formatsFloatsLikePythonTwoStr(double value, String expected) {
        assertThat(Normalizer.pythonFloat(value)).isEqualTo(expected);
    }

    @Test
    void ordersKeysByCodePointNotUtf16() {
        String astral = new String(Character.toChars(0x1F600));

        int order = Normalizer.compareCodePoints("\uE000", astral);

        assertThat(order).isNegative();
        assertThat("\uE000".compareTo(astral)).isPositive();
    }
}
