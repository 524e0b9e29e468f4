package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.FaultKind;
import org.dmmigrate.emulator.FaultPlan;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that get new bytes while dmdownload fetches them, twice in a row: first of another
 * size, then of the same size with another checksum (found by the chaos fault matrix).
 */
class DownloadContentChangeIT {

    @TempDir
    Path dst;

    @Test
    void sameSizeChangeIsFetchedInOneRunAndDmverifyAgrees() throws Exception {
        // Revision 1 changes the size; revision 2 keeps it and changes the checksum.
        FaultPlan plan = FaultPlan.parse(List.of("change-content:target=source,times=2"), 4);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .faults(plan).build().start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob",
                    "--jobs", "1");
            CliRun verify = CliRun.of("dmverify", "--strict", dst.toString());

            assertThat(plan.fired(FaultKind.CHANGE_CONTENT)).isEqualTo(2);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(ExpectedTree.of(emulator, dst, "bob").problems(dst)).isEmpty();
        }
    }
}
