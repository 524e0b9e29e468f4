package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dmmigrate.model.Asset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssetFilesTest {

    @ParameterizedTest
    @CsvSource({
        "source, ready, MPEG-4, mp4, .mp4",
        "source, ready, MPEG-PS, dat, .dat",
        "mp4_h264_aac_hd, ready, MPEG-4, , .mp4",
        "jpeg_thumbnail_medium, ready, JPEG, , .jpg",
        "flv_h263_mp3, ready, Flash Video, , .flv",
        "mov_h264_aac, ready, QuickTime, , .mov",
        "mkv_h264_vorbis, ready, Matroska, , .mkv",
        "wmv_rendition, ready, Windows Media, , .asf",
        "webm_vp9, ready, Some Future Format, , .webm",
        "strange, ready, Some Future Format, , .bin",
        "source, ready, AVI, ../evil, .avi",
    })
    void extensionFollowsSourceExtensionThenContainerThenName(String name, String status,
            String container, String extension, String expected) {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("status", status);
        properties.put("container", container);
        if (extension != null) {
            properties.put("file_extension", extension);
        }

        assertThat(AssetFiles.extension(new Asset(name, properties))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "abs, ready, ADAPTIVE",
        "abs_pr, ready, ADAPTIVE",
        "live, ready, LIVE",
        "source, pending, NOT_READY",
        "mp4_h264_aac, processing, NOT_READY",
        "flv_h263_mp3, error, ERROR",
        "source, ready, FILE",
    })
    void kindFollowsNameThenStatus(String name, String status, AssetKind expected) {
        assertThat(AssetFiles.kind(new Asset(name, Map.of("status", status))))
                .isEqualTo(expected);
    }
}
