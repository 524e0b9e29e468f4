package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PathNamesTest {

    static Stream<Map<String, String>> sanitizeVectors() throws IOException {
        try (InputStream in = PathNamesTest.class.getResourceAsStream(
                "/org/dmmigrate/protocol/dmcloud-api-vectors.json")) {
            Map<?, ?> vectors = new ObjectMapper().readValue(in, Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, String>> list =
                    (List<Map<String, String>>) vectors.get("path_sanitize_vectors");
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sanitizeVectors")
    void originalRuleMatchesTheVectors(Map<String, String> vector) {
        assertThat(PathNames.original(vector.get("input"))).isEqualTo(vector.get("expected"));
    }

    @ParameterizedTest
    @MethodSource("sanitizeVectors")
    void titlesTheOriginalHandledKeepItsName(Map<String, String> vector) {
        assertThat(PathNames.forTitle(vector.get("input"))).isEqualTo(vector.get("expected"));
    }

    @Test
    void missingTitleGetsAFixedName() {
        assertThat(PathNames.forTitle(null)).isEqualTo("_untitled");
    }

    @Test
    void controlCharactersAndNulBecomeUnderscores() {
        assertThat(PathNames.forTitle("a\u0000b\nc\u007f")).isEqualTo("a_b_c_");
    }

    @Test
    void longTitlesAreCutWithinTheLimitAndStayDistinct() {
        String first = "é".repeat(200) + "one";
        String second = "é".repeat(200) + "two";

        String a = PathNames.forTitle(first);
        String b = PathNames.forTitle(second);

        assertThat(a.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(b.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(a).isNotEqualTo(b).startsWith("éé").contains("~");
        assertThat(PathNames.forTitle(first)).isEqualTo(a);
    }

    @Test
    void aTitleOfOneDotLandsInTheUserFolderLikeAnEmptyOne() {
        assertThat(PathNames.forTitle(".")).isEmpty();
    }

    @Test
    void emptyUsernameGetsAFolderOfItsOwn() {
        assertThat(PathNames.forUsername("", "5000000000000000000000b2"))
                .isEqualTo("_user-5000000000000000000000b2");
        assertThat(PathNames.forUsername("..", "x")).isEqualTo("__");
    }

    @Test
    void hostileMediaIdsCannotClimbOut() {
        assertThat(PathNames.forMediaId("../../etc")).startsWith("________etc~").hasSize(20);
        assertThat(PathNames.forMediaId("")).startsWith("_media-");
    }

    @Test
    void mediaIdsThatCollideAfterSanitisingGetDistinctFolders() {
        assertThat(PathNames.forMediaId("a/b")).isNotEqualTo(PathNames.forMediaId("a__b"))
                .startsWith("a__b~");
        assertThat(PathNames.forMediaId("a__b")).isEqualTo("a__b");
        assertThat(PathNames.forMediaId("media.json")).startsWith("media.json~");
        assertThat(PathNames.forMediaId("0123456789abcdef01234567"))
                .isEqualTo("0123456789abcdef01234567");
    }

    @Test
    void usernamesNeverTakeTheNameOfARootFileOfTheBackup() {
        assertThat(PathNames.forUsername("MANIFEST.tsv", "x")).isEqualTo("_MANIFEST.tsv");
        assertThat(PathNames.forUsername("catalog", "x")).isEqualTo("_catalog");
        assertThat(PathNames.forUsername("Report.TXT.tmp", "x")).isEqualTo("_Report.TXT.tmp");
        assertThat(PathNames.forUsername(".dmmigrate.lock", "x")).isEqualTo("_.dmmigrate.lock");
        assertThat(PathNames.forUsername("catalogue", "x")).isEqualTo("catalogue");
    }

    @Test
    void assetFileNamesLeaveRoomForThePartialSuffix() {
        String name = PathNames.forAssetFile("x".repeat(300), ".mp4");

        assertThat((name + ".part-state").getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
    }
}
