package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on small trees written by hand. */
class VerifierTest {

    private static final String MEDIA_ID = "0123456789abcdef01234567";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T15:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path dst;

    @Test
    void mediaFolderUnderAnotherTitleIsFoundByItsId() throws Exception {
        writeMedia("Title as listed", "Title as the old tool cut it", "source", "mp4", "abc");

        Verification verification = verify(Verifier.Depth.FULL);

        assertThat(verification.complete()).as(verification.findings().toString()).isTrue();
        assertThat(verification.total().verified()).isOne();
    }

    @Test
    void mediaWithoutAssetsJsonIsMissing() throws Exception {
        Files.createDirectories(dst.resolve("u"));
        Files.writeString(dst.resolve("u/media.json"),
                "[{\"id\": \"" + MEDIA_ID + "\", \"title\": \"T\"}]");

        Verification verification = verify(Verifier.Depth.FULL);

        assertThat(verification.findings(Finding.Kind.MISSING)).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("u/T/" + MEDIA_ID
                        + "/assets.json"));
        assertThat(verification.complete()).isFalse();
    }

    @Test
    void unreadableMediaListingIsReported() throws Exception {
        Files.createDirectories(dst.resolve("u"));
        Files.writeString(dst.resolve("u/media.json"), "[{\"id\": ");

        Verification verification = verify(Verifier.Depth.FULL);

        assertThat(verification.findings(Finding.Kind.UNREADABLE)).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("u/media.json"));
    }

    @Test
    void folderWithoutUserListingsIsNotABackup() throws IOException {
        Files.createDirectories(dst.resolve("photos"));

        assertThatThrownBy(() -> verify(Verifier.Depth.FULL))
                .isInstanceOf(NotABackupException.class).hasMessageContaining("media.json");
    }

    @Test
    void ownFilesAndTheCatalogAreNotExtra() throws Exception {
        writeMedia("T", "T", "source", "mp4", "abc");
        for (String name : Verifier.OWN_FILES) {
            if (!name.equals(Manifest.DAMAGED)) {
                Files.writeString(dst.resolve(name), "");
            }
        }
        Files.createDirectories(dst.resolve("catalog/media"));
        Files.writeString(dst.resolve("catalog/media/index.html"), "<html>");
        Files.writeString(dst.resolve("stray.txt"), "?");

        Verification verification = verify(Verifier.Depth.FULL);

        assertThat(verification.findings(Finding.Kind.EXTRA)).extracting(Finding::path)
                .containsExactly("stray.txt");
        assertThat(verification.complete()).isTrue();
    }

    @Test
    void md5DepthRecordsSha256OnlyForFilesTheManifestLacks() throws Exception {
        writeMedia("T", "T", "source", "mp4", "abc");
        Manifest manifest = Manifest.open(dst);

        new Verifier(dst, 1, Verifier.Depth.MD5, CLOCK, () -> false).verify(manifest, true,
                null);
        manifest.save();
        Verification again = new Verifier(dst, 1, Verifier.Depth.MD5, CLOCK, () -> false)
                .verify(manifest, true, null);

        assertThat(manifest.entries()).singleElement().satisfies(entry -> assertThat(
                entry.sha256()).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(again.manifestAdded()).isZero();
        assertThat(again.complete()).isTrue();
    }

    @Test
    void oneUserOnlyLeavesTheOtherFoldersAlone() throws Exception {
        writeMedia("T", "T", "source", "mp4", "abc");
        Files.createDirectories(dst.resolve("other"));
        Files.writeString(dst.resolve("other/media.json"), "[]");
        Files.writeString(dst.resolve("other/stray.txt"), "?");

        Verification verification = new Verifier(dst, 1, Verifier.Depth.FULL, CLOCK,
                () -> false).forUser("u").verify(Manifest.open(dst), false, null);

        assertThat(verification.users()).containsOnlyKeys("u");
        assertThat(verification.findings()).isEmpty();
    }

    @Test
    void filesInAMediaFolderBesidesItsAssetsAreExtraOrLeftoverEvenInSubfolders()
            throws Exception {
        writeMedia("T", "T", "source", "mp4", "abc");
        Path dir = dst.resolve("u/T/" + MEDIA_ID);
        Files.writeString(dir.resolve("notes.txt"), "?");
        Files.writeString(dir.resolve("thumb.jpg.part"), "?");
        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/source.mp4"), "?");

        Verification verification = verify(Verifier.Depth.FULL);

        assertThat(verification.findings(Finding.Kind.EXTRA)).extracting(Finding::path)
                .containsExactly("u/T/" + MEDIA_ID + "/notes.txt",
                        "u/T/" + MEDIA_ID + "/old/source.mp4");
        assertThat(verification.findings(Finding.Kind.LEFTOVER)).extracting(Finding::path)
                .containsExactly("u/T/" + MEDIA_ID + "/thumb.jpg.part");
        assertThat(verification.complete()).isTrue();
    }

    @Test
    void aKeptDamagedManifestIsAFindingUntilItIsDeleted() throws Exception {
        writeMedia("T", "T", "source", "mp4", "abc");
        Files.writeString(dst.resolve(Manifest.DAMAGED), "path\n???\n");

        Verification verification = verify(Verifier.Depth.FULL);

        assertThat(verification.findings(Finding.Kind.UNREADABLE)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains(Manifest.DAMAGED)
                        .contains("delete the copy"));
        assertThat(verification.complete()).isFalse();
        assertThat(verification.findings(Finding.Kind.EXTRA)).isEmpty();
    }

    @Test
    void aVeryBrokenBackupListsTheFirstFindingsAndCountsTheRest() throws Exception {
        writeMedia("T", "T", "source", "mp4", "abc");
        int strays = BackupScan.MAX_FINDINGS + 7;
        Path folder = Files.createDirectories(dst.resolve("u/strays"));
        for (int i = 0; i < strays; i++) {
            Files.writeString(folder.resolve("stray-" + i + ".txt"), "");
        }
        Files.delete(dst.resolve("u/T/" + MEDIA_ID + "/source.mp4"));

        Verification verification = verify(Verifier.Depth.FULL);

        assertThat(verification.findings(Finding.Kind.EXTRA)).hasSize(BackupScan.MAX_FINDINGS);
        assertThat(verification.findingsOmitted()).isEqualTo(7);
        assertThat(verification.total().extra()).isEqualTo(strays);
        assertThat(verification.findings(Finding.Kind.MISSING)).hasSize(1);
        assertThat(verification.complete()).isFalse();
    }

    private Verification verify(Verifier.Depth depth) throws Exception {
        return new Verifier(dst, 2, depth, CLOCK, () -> false).verify(Manifest.open(dst), true,
                null);
    }

    private void writeMedia(String listedTitle, String folderTitle, String assetName,
            String extension, String content) throws IOException {
        Path dir = Files.createDirectories(dst.resolve("u").resolve(folderTitle)
                .resolve(MEDIA_ID));
        Files.writeString(dst.resolve("u/media.json"),
                "[{\"id\": \"" + MEDIA_ID + "\", \"title\": \"" + listedTitle + "\"}]");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(assetName + "." + extension), bytes);
        FileDigest digest = Digests.of(dir.resolve(assetName + "." + extension), false);
        BackupJson.write(dir.resolve("assets.json"), Map.of(assetName, Map.of(
                "status", "ready", "container", "MPEG-4", "file_extension", extension,
                "file_size", bytes.length, "checksum", digest.md5())));
    }
}
