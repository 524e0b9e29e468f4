package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.Credentials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignerTest {

    private static final String FLOAT_VECTOR = "float-value";

    static Stream<Arguments> signVectors() {
        return Vectors.section("sign_vectors").stream().map(Arguments::of);
    }

    static Stream<Arguments> authVectors() {
        return Vectors.section("auth_vectors").stream()
                .filter(vector -> !vector.get("name").equals(FLOAT_VECTOR))
                .map(vector -> Arguments.of(vector.get("name"), vector));
    }

    @ParameterizedTest
    @MethodSource("signVectors")
    void signIsMd5OfMessageThenSecret(Map<String, @Nullable Object> vector) {
        String signature = Signer.sign(Vectors.text(vector, "secret"),
                Vectors.text(vector, "message"));

        assertThat(signature).isEqualTo(vector.get("expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authVectors")
    void authVectorNormalizesDigestsAndSigns(String name, Map<String, @Nullable Object> vector) {
        Map<String, @Nullable Object> request = request(vector);
        String actAs = (String) vector.get("act_as_user");
        Signer signer = signer(vector);

        String normalized = Normalizer.normalize(request);
        String digestInput = signer.digestInput(request, actAs);
        String auth = signer.auth(request, actAs);

        assertThat(normalized).isEqualTo(vector.get("normalized"));
        assertThat(digestInput).isEqualTo(vector.get("md5_input"));
        assertThat(auth).isEqualTo(vector.get("auth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authVectors")
    void callWithArgsSignsLikeTheVector(String name, Map<String, @Nullable Object> vector) {
        Map<String, @Nullable Object> request = request(vector);
        if (!request.containsKey("args")) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> args = (Map<String, @Nullable Object>) request.get("args");
        Call call = Call.of((String) request.get("call"), args)
                .actingAs((String) vector.get("act_as_user"));

        assertThat(signer(vector).auth(call)).isEqualTo(vector.get("auth"));
    }

    @Test
    void callWithoutArgumentsStillSignsArgs() {
        Signer signer = new Signer(new Credentials("5000000000000000000000a1",
                "0123456789abcdef0123456789abcdef01234567"));
        Map<String, @Nullable Object> phpStyle = Map.of("call", "media.list");

        String withArgs = signer.auth(Call.of("media.list"));

        assertThat(signer.digestInput(Signer.requestWithoutAuth(Call.of("media.list")), null))
                .contains("argscallmedia.list");
        assertThat(withArgs).isNotEqualTo(signer.auth(phpStyle, null));
    }

    @Test
    void floatVectorIsRefusedRatherThanSignedDifferently() {
        Map<String, @Nullable Object> vector = Vectors.section("auth_vectors").stream()
                .filter(v -> v.get("name").equals(FLOAT_VECTOR)).findFirst().orElseThrow();

        assertThatThrownBy(() -> signer(vector).auth(request(vector), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.args.meta.ratio");
        assertThat(vector.get("auth")).isEqualTo(Vectors.text(vector, "user_infos") + ":"
                + Signer.md5Hex(Vectors.text(vector, "md5_input")));
    }

    @Test
    void toStringHidesTheKey() {
        Signer signer = new Signer(new Credentials("5000000000000000000000a1",
                "0123456789abcdef0123456789abcdef01234567"));

        assertThat(signer.toString()).contains("5000000000000000000000a1")
                .doesNotContain("0123456789abcdef0123456789abcdef01234567");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> request(Map<String, @Nullable Object> vector) {
        return (Map<String, @Nullable Object>) vector.get("request");
    }

    private static Signer signer(Map<String, @Nullable Object> vector) {
        return new Signer(new Credentials(Vectors.text(vector, "user_id"),
                Vectors.text(vector, "api_key")));
    }
}
