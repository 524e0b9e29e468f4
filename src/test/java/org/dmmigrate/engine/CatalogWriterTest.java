package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog of backups written by hand, in the layout docs/backup.md describes. */
class CatalogWriterTest {

    private static final String HOSTILE = "4a48c64cc8d7b2e87bd01bb2";
    private static final String UNTITLED = "e32db078db04913155746840";
    private static final String EMPTY = "ce54f087930dfebf138bc336";

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-04T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dst;

    @Test
    void indexListsEveryMediaWithHostileTitlesEscaped() throws Exception {
        writeThreeMedia();

        CatalogSummary summary = new CatalogWriter(dst, CLOCK).write();

        String index = read("catalog/index.html");
        assertThat(summary.media()).isEqualTo(3);
        assertThat(summary.users()).isEqualTo(1);
        assertThat(index).doesNotContain("<script>alert", "</script><")
                .contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e")
                .contains("\"(untitled)\",true", "\"(empty title)\",true")
                .contains("\"media/" + HOSTILE + ".html\"")
                .contains("3 media of 1 user, ").contains("2026-12-04 15:00 UTC");
    }

    @Test
    void mediaPageEscapesTheTitleInTextAndPageTitle() throws Exception {
        writeThreeMedia();

        new CatalogWriter(dst, CLOCK).write();

        String page = read("catalog/media/" + HOSTILE + ".html");
        assertThat(page).doesNotContain("<script>alert")
                .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; \u2014 Backup catalog")
                .contains(">&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
                .contains("script-src 'none'");
    }

    @Test
    void missingAndEmptyTitlesShowPlaceholders() throws Exception {
        writeThreeMedia();

        new CatalogWriter(dst, CLOCK).write();

        assertThat(read("catalog/media/" + UNTITLED + ".html"))
                .contains("<h1 id=\"title\" class=\"placeholder\">(untitled)</h1>");
        assertThat(read("catalog/media/" + EMPTY + ".html"))
                .contains("<h1 id=\"title\" class=\"placeholder\">(empty title)</h1>");
    }

    @Test
    void mediaPageLinksPresentFilesAndNamesMissingOnes() throws Exception {
        writeThreeMedia();

        new CatalogWriter(dst, CLOCK).write();

        String page = read("catalog/media/" + HOSTILE + ".html");
        String folder = "../../bob/%3Cscript%3Ealert%281%29%3C__script%3E/" + HOSTILE + "/";
        assertThat(page)
                .contains("<a class=\"file\" href=\"" + folder + "source.mp4\">source.mp4</a>")
                .contains("<source src=\"" + folder + "mp4_h264_aac.mp4\" type=\"video/mp4\"")
                .contains("<tr class=\"asset\" data-asset=\"mp4_h264_aac_hd\">")
                .contains("not in the backup")
                .contains("pending (not ready)")
                .contains("ready (adaptive streaming)");
        assertThat(page.indexOf("mp4_h264_aac.mp4\" type"))
                .as("the rendition is offered before the source")
                .isLessThan(page.indexOf("source.mp4\" type"));
    }

    @Test
    void userFolderIsNotABackup() throws Exception {
        writeThreeMedia();

        assertThatThrownBy(() -> new CatalogWriter(dst.resolve("bob"), CLOCK).write())
                .isInstanceOf(CatalogWriter.NotABackupException.class)
                .hasMessageContaining("one user's folder");
    }

    @Test
    void emptyFolderIsNotABackupAndGetsNoCatalog() {
        assertThatThrownBy(() -> new CatalogWriter(dst, CLOCK).write())
                .isInstanceOf(CatalogWriter.NotABackupException.class)
                .hasMessageContaining("holds no <user>/media.json");
        assertThat(dst.resolve("catalog")).doesNotExist();
    }

    @Test
    void unreadableAssetsJsonIsNamedAndItsMediaStillListed() throws Exception {
        writeThreeMedia();
        Files.writeString(dst.resolve("bob/_untitled/" + UNTITLED + "/assets.json"), "{oops");

        CatalogSummary summary = new CatalogWriter(dst, CLOCK).write();

        assertThat(summary.problems()).singleElement().asString()
                .startsWith("bob/" + UNTITLED + ": cannot read ");
        assertThat(summary.media()).isEqualTo(3);
        assertThat(read("catalog/index.html")).contains("id=\"problems\"");
        assertThat(read("catalog/media/" + UNTITLED + ".html")).contains("id=\"problem\"")
                .contains("not valid JSON");
    }

    @Test
    void unchangedMediaPageIsLeftAlone() throws Exception {
        writeThreeMedia();
        new CatalogWriter(dst, CLOCK).write();
        Path page = dst.resolve("catalog/media/" + HOSTILE + ".html");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(page, old);

        new CatalogWriter(dst, CLOCK).write();

        assertThat(Files.getLastModifiedTime(page)).isEqualTo(old);
    }

    @Test
    void originalToolsAsciiEscapedListingIsRead() throws Exception {
        Files.createDirectories(dst.resolve("eve/Vidéo/" + HOSTILE));
        Files.writeString(dst.resolve("eve/media.json"), "[\n    {\n        \"id\": \""
                + HOSTILE + "\", \n        \"title\": \"Vid\\u00e9o\"\n    }\n]");

        new CatalogWriter(dst, CLOCK).write();

        assertThat(read("catalog/media/" + HOSTILE + ".html")).contains(">Vidéo</h1>")
                .contains("there is no assets.json in ");
    }

    private void writeThreeMedia() throws IOException {
        BackupJson.write(dst.resolve("bob/media.json"), List.of(
                media(HOSTILE, "<script>alert(1)</script>"), media(UNTITLED, null),
                media(EMPTY, "")));
        Path hostile = dst.resolve("bob/<script>alert(1)<__script>/" + HOSTILE);
        BackupJson.write(hostile.resolve("assets.json"), Map.of(
                "source", asset("ready", "MPEG-4", 11),
                "mp4_h264_aac", asset("ready", "MPEG-4", 7),
                "mp4_h264_aac_hd", asset("ready", "MPEG-4", 9),
                "mp4_h264_aac_ld", asset("pending", "MPEG-4", 9),
                "abs", asset("ready", "", 0)));
        Files.write(hostile.resolve("source.mp4"), new byte[11]);
        Files.write(hostile.resolve("mp4_h264_aac.mp4"), new byte[7]);
        BackupJson.write(dst.resolve("bob/_untitled/" + UNTITLED + "/assets.json"), Map.of());
        BackupJson.write(dst.resolve("bob/" + EMPTY + "/assets.json"), Map.of());
    }

    private static Map<String, @Nullable Object> media(String id, @Nullable String title) {
        Map<String, @Nullable Object> media = new LinkedHashMap<>();
        media.put("id", id);
        media.put("title", title);
        return media;
    }

    private static Map<String, Object> asset(String status, String container, long size) {
        return Map.of("status", status, "container", container, "file_size", size,
                "file_extension", "mp4");
    }

    private String read(String path) throws IOException {
        return Files.readString(dst.resolve(path), StandardCharsets.UTF_8);
    }
}
