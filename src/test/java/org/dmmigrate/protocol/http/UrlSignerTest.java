package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UrlSignerTest {

    private static final String URL = "http://cdn.dmcloud.net/route/u/m/mp4_h264_aac.mp4";

    static Stream<Arguments> urlVectors() {
        return Vectors.section("url_sign_vectors").stream()
                .map(vector -> Arguments.of(vector.get("name"), vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlVectors")
    void signsLikeTheVector(String name, Map<String, @Nullable Object> vector) {
        UrlSigner signer = new UrlSigner(Vectors.text(vector, "secret"),
                () -> Vectors.text(vector, "rand"));
        int seclevel = ((Number) vector.get("seclevel")).intValue();
        long expires = ((Number) vector.get("expires")).longValue();

        String signed = signer.sign(Vectors.text(vector, "url"), seclevel, expires,
                restrictions(vector));

        assertThat(signed).isEqualTo(vector.get("signed_url"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlVectors")
    void publicDataAndItsEncodingMatch(String name, Map<String, @Nullable Object> vector) {
        int seclevel = ((Number) vector.get("seclevel")).intValue();

        String publicData = UrlSigner.publicData(seclevel, restrictions(vector));
        String encoded = publicData.isEmpty() ? "" : UrlSigner.encodePublic(publicData);

        assertThat(publicData).isEqualTo(vector.get("public_secparams"));
        assertThat(encoded).isEqualTo(vector.get("public_secparams_encoded"));
    }

    @Test
    void delegateIgnoresEveryRestriction() {
        UrlSigner signer = new UrlSigner("secret", () -> "abcd1234");
        UrlRestrictions all = new UrlRestrictions("AS1", "1.2.3.4", "UA", List.of("fr"),
                List.of("http://a/"));

        String delegated = signer.sign(URL, EnumSet.of(SecLevel.DELEGATE, SecLevel.ASNUM,
                SecLevel.COUNTRY), 1L, all);
        String bare = signer.sign(URL, EnumSet.of(SecLevel.DELEGATE, SecLevel.ASNUM,
                SecLevel.COUNTRY), 1L, UrlRestrictions.none());

        assertThat(delegated).isEqualTo(bare).contains("auth=1-35-abcd1234-");
    }

    @Test
    void malformedCountriesAreRefused() {
        UrlSigner signer = new UrlSigner("secret", () -> "abcd1234");
        UrlRestrictions bad = new UrlRestrictions(null, null, null, List.of("fra"), List.of());

        assertThatThrownBy(() -> signer.sign(URL, 32, 1L, bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fra");
    }

    @Test
    void missingPrivateDataIsRefused() {
        UrlSigner signer = new UrlSigner("secret", () -> "abcd1234");

        assertThatThrownBy(() -> signer.sign(URL, 4, 1L, UrlRestrictions.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ip");
    }

    @Test
    void randomNoncesAreEightLowercaseAlphanumerics() {
        UrlSigner signer = UrlSigner.withRandomNonces("secret");

        String signed = signer.sign(URL, 0, 1330359891L, UrlRestrictions.none());

        assertThat(signed).matches(".*\\?auth=1330359891-0-[a-z0-9]{8}-[0-9a-f]{32}");
        assertThat(signer.toString()).doesNotContain("secret]").contains("redacted");
    }

    @Test
    void secLevelMaskRoundTrips() {
        EnumSet<SecLevel> levels = EnumSet.of(SecLevel.COUNTRY, SecLevel.REFERER_STRICT);

        assertThat(SecLevel.mask(levels)).isEqualTo(32800);
        assertThat(SecLevel.of(32800)).isEqualTo(levels);
        assertThatThrownBy(() -> SecLevel.of(128)).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static UrlRestrictions restrictions(Map<String, @Nullable Object> vector) {
        Object countries = vector.getOrDefault("countries", List.of());
        Object referers = vector.getOrDefault("referers", List.of());
        return new UrlRestrictions((String) vector.get("asnum"), (String) vector.get("ip"),
                (String) vector.get("useragent"), (List<String>) countries,
                (List<String>) referers);
    }
}
