package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTest {

    @TempDir
    Path dir;

    @Test
    void fileContentServesFromAnOffsetAndChangesEtagWhenRewritten() throws IOException {
        Path file = Files.writeString(dir.resolve("source.mp4"), "0123456789");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        FileContent content = new FileContent(file);
        String before = content.etag();

        try (InputStream in = content.open(4)) {
            assertThat(in.readAllBytes()).asString().isEqualTo("456789");
        }
        Files.writeString(file, "01234567890");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));

        assertThat(content.length()).isEqualTo(11);
        assertThat(content.etag()).isNotEqualTo(before);
    }

    @Test
    void offsetsPastTheEndAreRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("a.jpg"), "abc");
        List<Content> contents = List.of(new FileContent(file),
                new GeneratedContent(1, "m", "source", 3),
                ResourceContent.of(SampleFile.FOLDER + SampleFile.THUMB_SMALL.fileName));

        for (Content content : contents) {
            assertThatThrownBy(() -> content.open(content.length() + 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(content.length() + 1));
            assertThatThrownBy(() -> content.open(-1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void resourceEtagIsTheMd5OfTheBytes() {
        ResourceContent content = ResourceContent.of(
                SampleFile.FOLDER + SampleFile.CLIP_A.fileName);

        assertThat(content.etag()).isEqualTo(HexIds.md5Hex(content.bytes()));
        assertThat(ResourceContent.of(SampleFile.FOLDER + SampleFile.CLIP_A.fileName))
                .isSameAs(content);
        assertThatThrownBy(() -> ResourceContent.of("/no/such/resource"))
                .hasMessageContaining("/no/such/resource");
    }

    @Test
    void extensionsFollowTheOriginalTool() {
        assertThat(AssetKinds.extensionOf("source", Map.of("file_extension", "dat",
                "container", "MPEG-4"))).contains(".dat");
        assertThat(AssetKinds.extensionOf("source", Map.of("container", "MPEG-4"))).isEmpty();
        assertThat(AssetKinds.extensionOf("jpeg_thumbnail_small", Map.of("container", "JPEG")))
                .contains(".jpg");
        assertThat(AssetKinds.extensionOf("flv_h263_mp3", Map.of("container", "Flash Video")))
                .contains(".flv");
        assertThat(AssetKinds.extensionOf("mp4_h264_aac", Map.of("status", "processing")))
                .isEmpty();
        assertThat(AssetKinds.extensionOf("x", Map.of("container", "Ogg"))).isEmpty();
    }
}
