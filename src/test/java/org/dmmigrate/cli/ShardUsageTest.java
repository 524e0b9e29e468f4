package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardUsageTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"dmdownload, 0/3", "dmdownload, 4/3", "dmdownload, a/b", "dmdownload, 3",
        "dmsize, 0/3", "dmverify, 4/3", "dmverify, a/b", "dmmigrate, 3", "dmmigrate, 0/3"})
    void malformedShardIsAUsageErrorNamingTheOptionAndTheForm(String tool, String shard) {
        String[] args = tool.equals("dmmigrate")
                ? new String[] {"--shard", shard, dir.toString(), "s3://bucket/prefix"}
                : new String[] {"--shard", shard, dir.toString()};

        CliRun run = CliRun.of(tool, args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--shard", "'" + shard + "'", "K/N");
    }
}
