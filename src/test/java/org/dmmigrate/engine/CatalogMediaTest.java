package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.junit.jupiter.api.Test;

class CatalogMediaTest {

    private static final Path FOLDER = Path.of("/backup/bob/Title/531594c29473991c7f21e181");

    @Test
    void thumbnailIsTheNarrowestAtLeast160PixelsWide() {
        CatalogMedia media = media(thumbnail("jpeg_thumbnail_small", 80, true),
                thumbnail("jpeg_thumbnail_large", 320, true),
                thumbnail("jpeg_thumbnail_medium", 160, true),
                thumbnail("jpeg_thumbnail_source", 848, true));

        assertThat(media.thumbnail()).map(a -> a.asset().name())
                .contains("jpeg_thumbnail_medium");
    }

    @Test
    void thumbnailFallsBackToTheWidestPresentOne() {
        CatalogMedia media = media(thumbnail("jpeg_thumbnail_small", 80, true),
                thumbnail("jpeg_thumbnail_medium", 120, true),
                thumbnail("jpeg_thumbnail_large", 320, false));

        assertThat(media.thumbnail()).map(a -> a.asset().name())
                .contains("jpeg_thumbnail_medium");
    }

    @Test
    void noThumbnailWhenNoneIsPresent() {
        CatalogMedia media = media(thumbnail("jpeg_thumbnail_small", 80, false),
                video("source", "source.mp4", true, 3));

        assertThat(media.thumbnail()).isEmpty();
    }

    @Test
    void playerOffersRenditionsBeforeTheSourceAndOnlyPresentMp4Files() {
        CatalogMedia media = media(video("source", "source.mp4", true, 3),
                video("mp4_h264_aac_hd", "mp4_h264_aac_hd.mp4", true, 3),
                video("mp4_h264_aac", "mp4_h264_aac.mp4", false, 3),
                video("flv_h263_mp3", "flv_h263_mp3.flv", true, 3),
                video("mp4_h264_aac_hq", "mp4_h264_aac_hq.mp4", true, 3));

        assertThat(media.playable()).map(a -> a.asset().name())
                .containsExactly("mp4_h264_aac_hq", "mp4_h264_aac_hd", "source");
    }

    @Test
    void durationIsTheLongestAndSizeCountsPresentFilesOnly() {
        CatalogMedia media = media(video("source", "source.mp4", true, 3),
                video("mp4_h264_aac", "mp4_h264_aac.mp4", false, 61),
                video("mp4_h264_aac_hd", "mp4_h264_aac_hd.mp4", true, 2));

        assertThat(media.durationSeconds()).hasValue(61);
        assertThat(media.presentBytes()).isEqualTo(2000);
        assertThat(CatalogText.duration(media.durationSeconds())).isEqualTo("1:01");
    }

    private static CatalogMedia media(CatalogAsset... assets) {
        return new CatalogMedia("bob", new Media("531594c29473991c7f21e181", "Title"), FOLDER,
                List.of(assets), null);
    }

    private static CatalogAsset thumbnail(String name, int width, boolean present) {
        Asset asset = new Asset(name, Map.of("status", "ready", "container", "JPEG",
                "video_width", (long) width, "file_size", 100L));
        return new CatalogAsset(asset, AssetKind.FILE, FOLDER.resolve(name + ".jpg"),
                present ? OptionalLong.of(100) : OptionalLong.empty());
    }

    private static CatalogAsset video(String name, String file, boolean present, long seconds) {
        Asset asset = new Asset(name, Map.of("status", "ready", "container", "MPEG-4",
                "duration", seconds, "file_size", 1000L));
        return new CatalogAsset(asset, AssetKind.FILE, FOLDER.resolve(file),
                present ? OptionalLong.of(1000) : OptionalLong.empty());
    }
}
