package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.junit.jupiter.api.Test;

class IndexPageTest {

    private static final Path ROOT = Path.of("/backup");

    @Test
    void indexOfManyMediaStaysUnderThreeHundredCharactersEach() {
        int count = 20_000;
        Path catalog = ROOT.resolve("catalog");
        IndexPage index = new IndexPage(catalog);
        index.addUser("carol.smith");
        for (int i = 0; i < count; i++) {
            index.add(media(i), catalog.resolve("media/" + id(i) + ".html"));
        }

        String html = index.html(Instant.parse("2026-12-04T15:00:00Z"), List.of());

        assertThat(html.length() / count).as("characters per media").isLessThan(300);
        assertThat(html).contains("20,000 media of 1 user");
    }

    @Test
    void controlCharactersOfATitleShowAsReplacementCharactersInTheIndexToo() {
        Path catalog = ROOT.resolve("catalog");
        IndexPage index = new IndexPage(catalog);
        index.addUser("carol.smith");
        index.add(media(1, "Line one\ttab\u0001end\u007f"), catalog.resolve("media/1.html"));

        String html = index.html(Instant.parse("2026-12-04T15:00:00Z"), List.of());

        assertThat(html).contains("tab\uFFFDend\uFFFD").doesNotContain("\u0001")
                .doesNotContain("\u007f");
    }

    private static CatalogMedia media(int i) {
        return media(i, "Holiday video number " + i);
    }

    private static CatalogMedia media(int i, String title) {
        Media media = new Media(id(i), title);
        Path folder = ROOT.resolve("carol.smith").resolve("folder " + i).resolve(media.id());
        Asset thumbnail = new Asset("jpeg_thumbnail_medium", Map.of("status", "ready",
                "container", "JPEG", "video_width", 160L));
        Asset source = new Asset("source", Map.of("status", "ready", "container", "MPEG-4",
                "duration", 125L));
        return new CatalogMedia("carol.smith", media, folder, List.of(
                new CatalogAsset(thumbnail, AssetKind.FILE,
                        folder.resolve("jpeg_thumbnail_medium.jpg"), OptionalLong.of(4280)),
                new CatalogAsset(source, AssetKind.FILE, folder.resolve("source.mp4"),
                        OptionalLong.of(60211))), null);
    }

    private static String id(int i) {
        return HexFormat.of().toHexDigits((long) i) + "00000000";
    }
}
