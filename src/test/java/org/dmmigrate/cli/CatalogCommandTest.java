package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dmcatalog's command line, on folders that are no backup and on a one-media backup. */
class CatalogCommandTest {

    @TempDir
    Path dst;

    @Test
    void folderWithoutListingsIsAUsageError() {
        CliRun run = CliRun.of("dmcatalog", dst.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(dst + " is not a backup")
                .contains("give the folder dmdownload wrote");
        assertThat(dst.resolve("catalog")).doesNotExist();
    }

    @Test
    void missingFolderIsAUsageError() {
        CliRun run = CliRun.of("dmcatalog", dst.resolve("nowhere").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("there is no such folder");
    }

    @Test
    void runPrintsTheFileUrlOfTheIndex() throws Exception {
        Files.createDirectories(dst.resolve("bob"));
        Files.writeString(dst.resolve("bob/media.json"),
                "[{\"id\": \"531594c29473991c7f21e181\", \"title\": \"My holiday video\"}]");

        CliRun run = CliRun.of("dmcatalog", dst.toString());

        Path index = dst.resolve("catalog/index.html");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Wrote the catalog of 1 media of 1 user (0 B of files).")
                .contains("could not read bob/531594c29473991c7f21e181")
                .contains("Open it in a browser: " + index.toUri());
        assertThat(index).isRegularFile();
    }

    @Test
    void helpShowsUsageAndTheExitCodes() {
        CliRun run = CliRun.of("dmcatalog", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: dmcatalog").contains("Exit codes:")
                .contains("file://");
    }

    @Test
    void versionNamesTheTool() {
        CliRun run = CliRun.of("dmcatalog", "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("dmcloud-migrate \\d+\\.\\d+\\.\\d+.*\\R");
    }
}
