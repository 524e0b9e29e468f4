package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"dmsize", "dmdownload", "dmverify", "dmmigrate", "dmcloud-emulator"})
    void helpShowsUsageAndTheExitCodes(String tool) {
        CliRun run = CliRun.of(tool, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: " + tool).contains("Exit codes:")
                .contains("130");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dmsize", "dmdownload", "dmverify", "dmmigrate", "dmcloud-emulator"})
    void versionNamesTheTool(String tool) {
        CliRun run = CliRun.of(tool, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("dmcloud-migrate \\d+\\.\\d+\\.\\d+.*\\R");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dmsize", "dmdownload"})
    void missingCredentialsNameTheVariable(String tool) {
        CliRun run = CliRun.of(tool, "--user-id", "", "--api-key", "", "/tmp/unused-dst");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("DMCLOUD_USER_ID").contains("--demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--jobs=0", "--no-such-option"})
    void badOptionsAreUsageErrors(String option) {
        CliRun run = CliRun.of("dmdownload", "--demo", option, "/tmp/unused-dst");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
