package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

    @Test
    void scriptTagBecomesText() {
        String escaped = Html.text("<script>alert(1)</script>");

        assertThat(escaped).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void ampersandsAndBothQuotesAreEscapedForAttributes() {
        String escaped = Html.text("Q&A \"quoted\" 'single' &amp;");

        assertThat(escaped)
                .isEqualTo("Q&amp;A &quot;quoted&quot; &#39;single&#39; &amp;amp;");
    }

    @Test
    void unicodeAndEmojiPassUnchanged() {
        String escaped = Html.text("東京の夏祭り Party time 🎉🎬 café");

        assertThat(escaped).isEqualTo("東京の夏祭り Party time 🎉🎬 café");
    }

    @Test
    void controlCharactersAndLoneSurrogatesBecomeReplacementCharacters() {
        String escaped = Html.text("a\u0001b\u007fc\ud800d\tline\nend\r");

        assertThat(escaped).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\tline\nend\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"</script><script>alert(1)</script>", "<!-- <script>",
        "a & b > c", "line\u2028separator\u2029paragraph", "</SCRIPT >"})
    void scriptJsonCannotEndItsElementAndParsesBackToTheSameValue(String title)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        String raw = json.writeValueAsString(List.of(title));

        String safe = Html.scriptJson(raw);

        assertThat(safe).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(json.readValue(safe, List.class)).containsExactly(title);
    }
}
