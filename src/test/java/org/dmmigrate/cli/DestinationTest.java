package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"dmsize", "dmdownload", "dmverify", "dmcatalog"})
    void emptyDestinationIsAUsageErrorAndWritesNothing(String tool) throws Exception {
        CliRun run = tool.startsWith("dms") || tool.equals("dmdownload")
                ? CliRun.of(tool, "--demo", "") : CliRun.of(tool, "");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("DST is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dmsize", "dmdownload"})
    void destinationThatIsAFileIsAUsageError(String tool) throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        CliRun run = CliRun.of(tool, "--demo", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is a file, not a folder");
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAreShownAsQuestionMarks() {
        assertThat(Terminal.printable("a\u001b[2Jb\u0007")).isEqualTo("a?[2Jb?");
    }
}
