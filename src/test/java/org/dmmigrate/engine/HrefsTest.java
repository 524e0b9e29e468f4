package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HrefsTest {

    @Test
    void reservedCharactersArePercentEncoded() {
        String segment = Hrefs.segment("Q&A #3? yes & no  (two spaces) 100%");

        assertThat(segment).isEqualTo(
                "Q%26A%20%233%3F%20yes%20%26%20no%20%20%28two%20spaces%29%20100%25");
    }

    @Test
    void unicodeIsEncodedAsUtf8Bytes() {
        String segment = Hrefs.segment("é東🎉");

        assertThat(segment).isEqualTo("%C3%A9%E6%9D%B1%F0%9F%8E%89");
    }

    @Test
    void unreservedCharactersStay() {
        String segment = Hrefs.segment("source-1.mp4_~");

        assertThat(segment).isEqualTo("source-1.mp4_~");
    }

    @Test
    void linkFromTheCatalogClimbsToTheUserFolder() {
        Path root = Path.of("/backup");

        String link = Hrefs.relative(root.resolve("catalog/media"),
                root.resolve("bob/My holiday video (2014)/531594c29473991c7f21e181/source.mp4"));

        assertThat(link).isEqualTo(
                "../../bob/My%20holiday%20video%20%282014%29/531594c29473991c7f21e181/source.mp4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q&A #3? yes & no  (two spaces)", "<script>alert(1)<__script>",
        "C:\\Videos\\final: cut*", "東京の夏祭り 映像", "Party time 🎉🎬", "100% done",
        "a;b=c,d+e@f$g!h'i", "________etc__passwd", "Wait___ what__"})
    void linkResolvesBackToTheSameFile(String title) {
        Path root = Path.of("/backup");
        Path page = root.resolve("catalog/media/x.html");
        Path target = root.resolve("carol.smith").resolve(title).resolve("id/source.mp4");

        String link = Hrefs.relative(page.getParent(), target);
        URI resolved = page.toUri().resolve(link);

        assertThat(resolved.getRawQuery()).isNull();
        assertThat(resolved.getRawFragment()).isNull();
        assertThat(Path.of(resolved)).isEqualTo(target);
    }
}
