package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.engine.BackupLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awkward titles (carol.smith of the sample: duplicates, {@code ../../etc/passwd}, slashes,
 * control characters, 300-byte names, none, empty, case variants) stay inside DST, and every
 * media gets a folder of its own.
 *
 * <p>"Case Test" and "case test" get distinct folders here, on Linux; on a case-insensitive
 * file system (macOS, Windows) they would share the title folder, and the media id folder
 * inside still keeps their files apart.
 */
class DownloadLayoutIT {

    @TempDir
    Path dst;

    @Test
    void awkwardTitlesStayInsideTheBackupAndNeverShareAFolder() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user",
                    "carol.smith");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            List<EmulatedMedia> media = emulator.catalog().media(SampleCatalog.CAROL_ID);
            ExpectedTree expected = ExpectedTree.of(emulator, dst, "carol.smith");
            assertThat(expected.files()).hasSize(2 * media.size());
            assertThat(expected.problems(dst)).isEmpty();
            Set<Path> mediaFolders = assetsJsonFolders(dst);
            assertThat(mediaFolders).hasSize(media.size());
            assertThat(mediaFolders.stream().map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            media.stream().map(EmulatedMedia::id).toList());
            Path carol = dst.resolve("carol.smith");
            assertThat(carol.resolve("Case Test")).isDirectory();
            assertThat(carol.resolve("case test")).isDirectory();
            assertThat(Files.exists(dst.resolveSibling("etc"))).isFalse();
            assertThat(carol.resolve("________etc__passwd")).isDirectory();
            assertThat(carol.resolve("AC__DC live")).isDirectory();
        }
    }

    @Test
    void wholeSampleOrganisationGivesEveryReadyFileAndReportsTheRest() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.INCOMPLETE);
            ExpectedTree expected = ExpectedTree.of(emulator, dst, null);
            assertThat(expected.problems(dst)).isEmpty();
            assertThat(ExpectedTree.partials(dst)).isEmpty();
            assertThat(result.out()).doesNotContain("\r")
                    .contains("downloaded        " + expected.files().size() + " files")
                    .contains("skipped           5 adaptive streaming, 2 live stream")
                    .contains("not ready         4").contains("in error          2")
                    .contains("failed            0")
                    .contains("alice/" + alicesMediaId(emulator, "Just uploaded")
                            + "/source: status pending");
            assertThat(dst.resolve("dave").resolve("media.json")).isRegularFile();
        }
    }

    private static String alicesMediaId(Emulator emulator, String title) {
        return emulator.catalog().media(SampleCatalog.ALICE_ID).stream()
                .filter(m -> title.equals(m.meta().get("title"))).findFirst().orElseThrow()
                .id();
    }

    private static Set<Path> assetsJsonFolders(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(BackupLayout.ASSETS_JSON))
                    .map(p -> p.toAbsolutePath().getParent()).collect(Collectors.toSet());
        }
    }
}
