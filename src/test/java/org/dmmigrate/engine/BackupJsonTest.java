package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupJsonTest {

    @TempDir
    Path dir;

    @Test
    void writesSortedKeysTwoSpaceIndentAndUtf8() {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("title", "Vidéo 42 😀");
        media.put("id", "1264cde462416235548e5f69");

        String text = new String(BackupJson.format(List.of(media)), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("[\n  {\n    \"id\": \"1264cde462416235548e5f69\",\n"
                + "    \"title\": \"Vidéo 42 😀\"\n  }\n]\n");
    }

    @Test
    void readsTheOriginalToolsAsciiEscapesAndTrailingSpaces() throws Exception {
        Path file = dir.resolve("media.json");
        Files.writeString(file, "[\n  {\n    \"id\": \"1264cde462416235548e5f69\", \n"
                + "    \"title\": \"Vid\\u00e9o 42 \\ud83d\\ude00\"\n  }\n]");

        Object tree = BackupJson.read(file).orElseThrow();

        assertThat(tree).isEqualTo(List.of(Map.of("id", "1264cde462416235548e5f69",
                "title", "Vidéo 42 😀")));
    }

    @Test
    void rewritingTheSameTreeLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("assets.json");
        Map<String, Object> tree = Map.of("source", Map.of("status", "ready"));

        boolean first = BackupJson.write(file, tree);
        boolean second = BackupJson.write(file, tree);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(Files.list(dir)).containsExactly(file);
    }
}
