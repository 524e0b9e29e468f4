package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateUsageTest {

    @TempDir
    Path dir;

    @Test
    void emptySourceIsAUsageError() {
        CliRun run = CliRun.of("dmmigrate", "", "s3://bucket/prefix");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("SOURCE is empty");
    }

    @Test
    void sourceThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        CliRun run = CliRun.of("dmmigrate", file.toString(), "s3://bucket/prefix");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is a file, not a folder");
    }
}
