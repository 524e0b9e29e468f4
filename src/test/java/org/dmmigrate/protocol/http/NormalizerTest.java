package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizerTest {

    static Stream<Arguments> wireVectors() {
        return Vectors.section("normalize_vectors").stream()
                .filter(vector -> !vector.get("name").equals("doc-int-keys"))
                .filter(vector -> !vector.get("name").equals("float-py2"))
                .map(vector -> Arguments.of(vector.get("name"), vector.get("input"),
                        vector.get("expected")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wireVectors")
    void normalizesEveryWireVector(String name, @Nullable Object input, String expected) {
        String normalized = Normalizer.normalize(input);

        assertThat(normalized).isEqualTo(expected);
    }

    @Test
    void wireVectorsAreAllCovered() {
        assertThat(wireVectors().count()).isEqualTo(Vectors.section("normalize_vectors").size()
                - 2);
    }

    @Test
    void floatVectorRendersInPythonTwoForm() {
        Map<String, @Nullable Object> vector = Vectors.section("normalize_vectors").stream()
                .filter(v -> v.get("name").equals("float-py2")).findFirst().orElseThrow();
        StringBuilder rendered = new StringBuilder();

        for (Object value : (List<?>) vector.get("input")) {
            rendered.append(Normalizer.pythonFloat(((Number) value).doubleValue()));
        }

        assertThat(rendered.toString()).isEqualTo(vector.get("expected"));
    }

    @Test
    void floatVectorIsRefusedWithItsPath() {
        Map<String, @Nullable Object> request = new LinkedHashMap<>();
        request.put("call", "media.set_meta");
        request.put("args", Map.of("meta", Map.of("sort", List.of(1L, 2.5))));

        assertThatThrownBy(() -> Normalizer.normalize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.args.meta.sort[1]").hasMessageContaining("2.5");
    }

    @Test
    void everyFloatTypeIsRefused() {
        for (Object value : List.of(1.0, 1.0f, new BigDecimal("1"))) {
            assertThatThrownBy(() -> Normalizer.normalize(Map.of("x", value)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.x");
        }
    }

    @Test
    void integersOfEveryWidthAreDecimal() {
        List<Object> values = List.of(-1, 100L, (short) 7, (byte) 8,
                new BigInteger("123456789012345678901234567890"));

        assertThat(Normalizer.normalize(values))
                .isEqualTo("-110078123456789012345678901234567890");
    }

    @Test
    void nullMemberKeepsItsKey() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("b", null);
        map.put("a", List.of());

        assertThat(Normalizer.normalize(map)).isEqualTo("ab");
    }

    @Test
    void keysSortByCodePointNotUtf16() {
        String astral = "\uD83D\uDE00";
        String privateUse = "\uE000";
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(astral, "1");
        map.put(privateUse, "2");
        map.put("\uFFFD", "3");

        String normalized = Normalizer.normalize(map);

        assertThat(normalized).isEqualTo(privateUse + "2\uFFFD3" + astral + "1");
        assertThat(astral.compareTo(privateUse)).as("UTF-16 order differs").isNegative();
    }

    @Test
    void codePointOrderPutsPrefixFirst() {
        List<String> keys = new ArrayList<>(Arrays.asList("ab", "a", "a_b", "_a", "B", "b"));

        keys.sort(Normalizer.CODE_POINT_ORDER);

        assertThat(keys).containsExactly("B", "_a", "a", "a_b", "ab", "b");
    }

    @Test
    void nonJsonValuesAndKeysAreRefused() {
        Map<Object, Object> intKeys = Map.of(2, "x");

        assertThatThrownBy(() -> Normalizer.normalize(intKeys))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a string");
        assertThatThrownBy(() -> Normalizer.normalize(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.when");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0, 1.0", "100.0, 100.0", "1e20, 1e+20", "1e-5, 1e-05", "1.7777777777777777, "
                + "1.77777777778", "0.30000000000000004, 0.3", "0.5, 0.5", "1e-4, 0.0001",
        "123456789012.0, 123456789012.0", "1234567890123.0, 1.23456789012e+12",
        "1e100, 1e+100", "-2.5, -2.5", "-1e-7, -1e-07", "25.0, 25.0", "0.0, 0.0", "-0.0, -0.0",
        "2.5e-320, 2.49997216796e-320", "999999999999.5, 1e+12"
    })
    void pythonFloatMatchesPythonTwoStr(double value, String expected) {
        assertThat(Normalizer.pythonFloat(value)).isEqualTo(expected);
    }

    @Test
    void pythonFloatSpellsSpecialValues() {
        assertThat(Normalizer.pythonFloat(Double.NaN)).isEqualTo("nan");
        assertThat(Normalizer.pythonFloat(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Normalizer.pythonFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }
}
