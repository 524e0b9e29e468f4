package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderCatalogTest {

    private static final String HOLIDAY = "531594c29473991c7f21e181";

    private static final String VIDEO_42 = "1264cde462416235548e5f69";

    private static final String SLASHED = "5315000000000000000000aa";

    private static final String UNTITLED = "5315000000000000000000bb";

    @TempDir
    Path dst;

    /** A tree as the Python tool wrote it: trailing spaces, escapes, sanitized titles. */
    private void writePythonTree() throws IOException {
        Path bob = Files.createDirectories(dst.resolve("bob"));
        Files.writeString(bob.resolve("media.json"), "[\n"
                + "  {\n    \"id\": \"" + HOLIDAY + "\", \n"
                + "    \"title\": \"My holiday video (2014)\"\n  }, \n"
                + "  {\n    \"id\": \"" + VIDEO_42 + "\", \n"
                + "    \"title\": \"Vid\\u00e9o 42 \\ud83c\\udf89\"\n  }, \n"
                + "  {\n    \"id\": \"" + SLASHED + "\", \n"
                + "    \"title\": \"AC/DC ../live\"\n  }, \n"
                + "  {\n    \"id\": \"" + UNTITLED + "\", \n"
                + "    \"title\": \"\"\n  }\n]", StandardCharsets.US_ASCII);

        Path holiday = Files.createDirectories(bob.resolve("My holiday video (2014)")
                .resolve(HOLIDAY));
        Files.writeString(holiday.resolve("assets.json"), "{\n"
                + "  \"abs\": {\n    \"created\": 1400002000, \n    \"status\": \"ready\"\n  }, \n"
                + "  \"jpeg_thumbnail_medium\": {\n    \"container\": \"JPEG\", \n"
                + "    \"file_size\": 4, \n"
                + "    \"status\": \"ready\", \n"
                + "    \"stream_url\": \"http://static.dmcloud.net/x.jpeg\"\n  }, \n"
                + "  \"mp4_h264_aac_hd\": {\n    \"container\": \"MPEG-4\", \n"
                + "    \"file_size\": 9, \n    \"status\": \"ready\"\n  }, \n"
                + "  \"source\": {\n    \"checksum\": \"x\", \n    \"container\": \"MPEG-4\", \n"
                + "    \"created\": 1400000702, \n"
                + "    \"download_url\": \"http://cdn.dmcloud.net/route/http/x\", \n"
                + "    \"file_extension\": \"mp4\", \n    \"file_size\": 6, \n"
                + "    \"status\": \"ready\", \n    \"video_aspect\": 1.7777777777777777\n  }\n}",
                StandardCharsets.US_ASCII);
        Files.writeString(holiday.resolve("source.mp4"), "source");
        Files.write(holiday.resolve("jpeg_thumbnail_medium.jpg"),
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});

        writeAssets(bob.resolve("Vid\u00e9o 42 \ud83c\udf89").resolve(VIDEO_42), "dat", "d");
        writeAssets(bob.resolve("AC__DC ____live").resolve(SLASHED), "mp4", "s");
        writeAssets(bob.resolve(UNTITLED), "mov", "u");
    }

    private static void writeAssets(Path dir, String extension, String body) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("assets.json"), "{\n  \"source\": {\n"
                + "    \"file_extension\": \"" + extension + "\", \n"
                + "    \"file_size\": " + body.length() + ", \n"
                + "    \"status\": \"ready\"\n  }\n}");
        Files.writeString(dir.resolve("source." + extension), body);
    }

    @Test
    void readsATreeWrittenByThePythonTool() throws IOException {
        writePythonTree();

        Catalog catalog = FolderCatalog.open(dst);

        assertThat(catalog.users()).containsExactly(new EmulatedUser(
                FolderCatalog.userId("bob"), "bob", FolderCatalog.userKey("bob"), false));
        List<EmulatedMedia> media = catalog.media(FolderCatalog.userId("bob"));
        assertThat(media).extracting(EmulatedMedia::id)
                .containsExactly(HOLIDAY, VIDEO_42, SLASHED, UNTITLED);
        assertThat(media).extracting(one -> one.meta().get("title")).containsExactly(
                "My holiday video (2014)", "Vid\u00e9o 42 \ud83c\udf89", "AC/DC ../live", "");
        assertThat(media).allMatch(one -> one.assets().containsKey("source"));
    }

    @Test
    void servesTheFilesAndDropsTheOldUrls() throws IOException {
        writePythonTree();

        EmulatedMedia holiday = FolderCatalog.open(dst).mediaById(HOLIDAY).orElseThrow();

        EmulatedAsset source = holiday.assets().get("source");
        assertThat(source.properties()).doesNotContainKeys("download_url", "stream_url")
                .containsEntry("file_extension", "mp4")
                .containsEntry("video_aspect", 1.7777777777777777);
        assertThat(SampleCatalogTest.readAll(source.content())).asString().isEqualTo("source");
        assertThat(holiday.created()).isEqualTo(1400000702L);
        EmulatedAsset thumbnail = holiday.assets().get("jpeg_thumbnail_medium");
        assertThat(thumbnail.properties()).doesNotContainKey("stream_url");
        assertThat(thumbnail.content().length()).isEqualTo(4);
    }

    @Test
    void listsAssetsWithoutFilesAsNotDownloadable() throws IOException {
        writePythonTree();

        EmulatedMedia holiday = FolderCatalog.open(dst).mediaById(HOLIDAY).orElseThrow();

        assertThat(holiday.assets().get("abs").content()).isNull();
        assertThat(holiday.assets().get("mp4_h264_aac_hd").content()).isNull();
        assertThat(holiday.assets().get("mp4_h264_aac_hd").properties())
                .containsEntry("file_size", 9);
    }

    @Test
    void findsMediaFoldersOfSanitizedAndEmptyTitles() throws IOException {
        writePythonTree();

        Catalog catalog = FolderCatalog.open(dst);

        assertThat(SampleCatalogTest.readAll(catalog.mediaById(SLASHED).orElseThrow()
                .assets().get("source").content())).asString().isEqualTo("s");
        assertThat(SampleCatalogTest.readAll(catalog.mediaById(UNTITLED).orElseThrow()
                .assets().get("source").content())).asString().isEqualTo("u");
        assertThat(SampleCatalogTest.readAll(catalog.mediaById(VIDEO_42).orElseThrow()
                .assets().get("source").content())).asString().isEqualTo("d");
    }

    @Test
    void readsUtf8JsonAndFindsFoldersNamedOtherwise() throws IOException {
        Path alice = Files.createDirectories(dst.resolve("carol.smith"));
        Files.writeString(alice.resolve("media.json"),
                "[{\"id\":\"" + HOLIDAY + "\",\"title\":\"東京 🎉\"},{\"id\":\"" + VIDEO_42 + "\"}]",
                StandardCharsets.UTF_8);
        writeAssets(alice.resolve("tokyo-" + HOLIDAY.substring(0, 6)).resolve(HOLIDAY), "mkv",
                "t");
        writeAssets(alice.resolve("_untitled").resolve(VIDEO_42), "avi", "n");
        Files.createDirectories(dst.resolve("not-a-user"));

        Catalog catalog = FolderCatalog.open(dst);

        assertThat(catalog.users()).extracting(EmulatedUser::username)
                .containsExactly("carol.smith");
        EmulatedMedia tokyo = catalog.mediaById(HOLIDAY).orElseThrow();
        assertThat(tokyo.meta()).containsEntry("title", "東京 🎉");
        assertThat(SampleCatalogTest.readAll(tokyo.assets().get("source").content()))
                .asString().isEqualTo("t");
        EmulatedMedia untitled = catalog.mediaById(VIDEO_42).orElseThrow();
        assertThat(untitled.meta()).doesNotContainKey("title");
        assertThat(untitled.assets().get("source").content().length()).isEqualTo(1);
    }

    @Test
    void servesASampleBackupAsTheSampleItself() throws IOException {
        Catalog sample = SampleCatalog.create();
        BackupTreeWriter.write(sample, dst);

        Catalog served = FolderCatalog.open(dst);

        assertThat(served.users()).extracting(EmulatedUser::username)
                .containsExactlyElementsOf(sample.users().stream()
                        .map(EmulatedUser::username).sorted().toList());
        for (EmulatedUser user : sample.users()) {
            List<EmulatedMedia> original = sample.media(user.id());
            List<EmulatedMedia> copy = served.media(FolderCatalog.userId(user.username()));
            assertThat(copy).extracting(EmulatedMedia::id)
                    .containsExactlyElementsOf(original.stream().map(EmulatedMedia::id).toList());
            for (int i = 0; i < original.size(); i++) {
                assertSameMedia(copy.get(i), original.get(i));
            }
        }
    }

    private static void assertSameMedia(EmulatedMedia copy, EmulatedMedia original)
            throws IOException {
        assertThat(copy.meta()).isEqualTo(original.meta());
        assertThat(copy.assets().keySet()).isEqualTo(original.assets().keySet());
        for (EmulatedAsset asset : original.assets().values()) {
            EmulatedAsset served = copy.assets().get(asset.name());
            assertThat(PythonStyleJson.write(served.properties()))
                    .isEqualTo(PythonStyleJson.write(asset.properties()));
            boolean downloadable = asset.content() != null
                    && AssetKinds.extensionOf(asset.name(), asset.properties()).isPresent();
            if (downloadable) {
                assertThat(SampleCatalogTest.readAll(served.content()))
                        .as(copy.id() + " " + asset.name())
                        .isEqualTo(SampleCatalogTest.readAll(asset.content()));
            } else {
                assertThat(served.content()).as(copy.id() + " " + asset.name()).isNull();
            }
        }
    }

    @Test
    void rejectsAMissingFolderAndBrokenJson() throws IOException {
        Path bob = Files.createDirectories(dst.resolve("bob"));
        Files.writeString(bob.resolve("media.json"), "{\"id\": 1}");

        assertThatThrownBy(() -> FolderCatalog.open(dst.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");
        assertThatThrownBy(() -> FolderCatalog.open(dst))
                .hasMessageContaining(bob.resolve("media.json").toString());
    }

    @Test
    void namesTheAdminApartFromAUserCalledAdmin() throws IOException {
        Path admin = Files.createDirectories(dst.resolve("admin"));
        Files.writeString(admin.resolve("media.json"), "[]");

        Catalog catalog = FolderCatalog.open(dst);

        assertThat(catalog.admin().username()).isNotEqualTo("admin");
        assertThat(catalog.admin().id()).isEqualTo(FolderCatalog.ADMIN_ID);
        assertThat(catalog.users()).extracting(EmulatedUser::username).containsExactly("admin");
        assertThat(catalog.media(catalog.users().get(0).id())).isEmpty();
    }
}
