package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.EmulatedAsset;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.engine.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dmdownload over HTTP against the emulator's sample organisation. */
class DownloadSampleIT {

    @TempDir
    Path dst;

    @RegisterExtension
    final SampleEmulator sample = new SampleEmulator();

    @Test
    void bobsBackupHasTheSeedReadmeShape() throws IOException {
        CliRun run = CliRun.against(sample.get(), "dmdownload", "--user=bob", dst.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(tree()).containsExactly(
                "bob/",
                "bob/My holiday video (2014)/",
                "bob/My holiday video (2014)/531594c29473991c7f21e181/",
                "bob/My holiday video (2014)/531594c29473991c7f21e181/assets.json",
                "bob/My holiday video (2014)/531594c29473991c7f21e181/jpeg_thumbnail_medium.jpg",
                "bob/My holiday video (2014)/531594c29473991c7f21e181/mp4_h264_aac_hd.mp4",
                "bob/My holiday video (2014)/531594c29473991c7f21e181/source.mp4",
                "bob/Test video 42/",
                "bob/Test video 42/1264cde462416235548e5f69/",
                "bob/Test video 42/1264cde462416235548e5f69/assets.json",
                "bob/Test video 42/1264cde462416235548e5f69/jpeg_thumbnail_source.jpg",
                "bob/Test video 42/1264cde462416235548e5f69/source.dat",
                "bob/media.json");
    }

    @Test
    void everyFileOfTheSampleHoldsTheServiceBytes() throws Exception {
        CliRun run = CliRun.against(sample.get(), "dmdownload", dst.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INCOMPLETE);
        int files = 0;
        Catalog catalog = sample.get().catalog();
        for (EmulatedUser user : catalog.users()) {
            for (EmulatedMedia media : catalog.media(user.id())) {
                for (EmulatedAsset asset : media.assets().values()) {
                    if (asset.content() == null || !"ready".equals(asset.properties()
                            .get("status")) || asset.name().startsWith("abs")) {
                        continue;
                    }
                    Path file = findFile(media.id(), asset.name());
                    assertThat(md5(file)).as(file.toString()).isEqualTo(md5(asset));
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThan(50);
        try (Stream<Path> all = Files.walk(dst)) {
            assertThat(all.filter(p -> p.toString().contains(".part"))).isEmpty();
        }
    }

    @Test
    void summaryNamesWhatIsNotReadyOrInError() {
        CliRun run = CliRun.against(sample.get(), "dmdownload", "--user", "alice", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("INCOMPLETE")
                .contains("alice/124a384a68e88ef41e0ec1fc/source: status pending")
                .contains("alice/23d4a65cefdd7fcf2532efd9/source: status error")
                .contains("adaptive streaming");
    }

    @Test
    void fakeRunWritesListingsButNoAssetFile() throws IOException {
        CliRun run = CliRun.against(sample.get(), "dmdownload", "--fake", "--user=bob",
                dst.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(tree()).contains("bob/media.json",
                "bob/Test video 42/1264cde462416235548e5f69/assets.json")
                .noneMatch(path -> path.endsWith(".mp4") || path.endsWith(".jpg"));
        assertThat(sample.get().recorder().bytesServed()).isZero();
    }

    @Test
    void listingsAreUtf8SortedAndIndented() throws IOException {
        CliRun run = CliRun.against(sample.get(), "dmdownload", "--fake", "--user=carol.smith",
                dst.toString());

        String media = Files.readString(dst.resolve("carol.smith/media.json"),
                StandardCharsets.UTF_8);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(media).startsWith("[\n  {\n    \"id\": ").contains("東京の夏祭り")
                .contains("café").doesNotContain("\\u00e9").doesNotContain(", \n");
    }

    @Test
    void unknownUserListsTheUsersAndWritesNothing() throws IOException {
        CliRun run = CliRun.against(sample.get(), "dmdownload", "--user=zoe", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("zoe").contains("alice, bob, carol.smith, dave");
        assertThat(tree()).isEmpty();
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> all = Files.walk(dst)) {
            return all.filter(p -> !p.equals(dst))
                    .filter(p -> !(p.getParent().equals(dst)
                            && Verifier.OWN_FILES.contains(p.getFileName().toString())))
                    .map(p -> dst.relativize(p) + (Files.isDirectory(p) ? "/" : ""))
                    .sorted()
                    .toList();
        }
    }

    private Path findFile(String mediaId, String assetName) throws IOException {
        try (Stream<Path> all = Files.walk(dst)) {
            List<Path> found = all.filter(p -> p.getParent() != null
                            && p.getParent().getFileName().toString().equals(mediaId)
                            && p.getFileName().toString().startsWith(assetName + "."))
                    .toList();
            assertThat(found).as(mediaId + "/" + assetName).hasSize(1);
            return found.get(0);
        }
    }

    private static String md5(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return md5(in);
        }
    }

    private static String md5(EmulatedAsset asset) throws Exception {
        try (InputStream in = asset.content().open(0)) {
            return md5(in);
        }
    }

    private static String md5(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("MD5");
        byte[] buffer = new byte[8192];
        for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
            digest.update(buffer, 0, count);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
