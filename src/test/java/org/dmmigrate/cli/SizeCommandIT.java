package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmmigrate.emulator.EmulatedAsset;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dmsize over HTTP against the sample organisation. */
class SizeCommandIT {

    @TempDir
    Path dst;

    @RegisterExtension
    final SampleEmulator sample = new SampleEmulator();

    @Test
    void jsonPlanCountsEveryReadyFileOfBobAndNothingPresent() throws Exception {
        CliRun run = CliRun.against(sample.get(), "dmsize", "--json", "--user=bob", dst.toString());

        Map<?, ?> plan = new ObjectMapper().readValue(run.out(), Map.class);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(((Number) plan.get("total_bytes")).longValue()).isEqualTo(bobFileBytes());
        assertThat(((Number) plan.get("present_bytes")).longValue()).isZero();
        assertThat(plan.get("fits")).isEqualTo(true);
        assertThat((List<?>) plan.get("rows")).hasSize(4);
    }

    @Test
    void afterABackupEverythingIsPresentAndNothingRemains() throws Exception {
        CliRun.against(sample.get(), "dmdownload", "--user=bob", dst.toString());

        CliRun run = CliRun.against(sample.get(), "dmsize", "--json", "--user=bob", dst.toString());

        Map<?, ?> plan = new ObjectMapper().readValue(run.out(), Map.class);
        assertThat(((Number) plan.get("present_bytes")).longValue()).isEqualTo(bobFileBytes());
        assertThat(((Number) plan.get("remaining_bytes")).longValue()).isZero();
    }

    @Test
    void tableHasUserRowsTotalsAndLabelledDecimalUnits() {
        CliRun run = CliRun.against(sample.get(), "dmsize", dst.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("Estimated assets size:")
                .containsPattern("(?m)^bob +source +2 +95027 +95\\.03 kB +0 B +95\\.03 kB$")
                .containsPattern("(?m)^dave +TOTAL +0 +0 ")
                .containsPattern("(?m)^ {21}TOTAL ")
                .contains("Free space on the file system of");
    }

    @Test
    void listingsAreWrittenLikeTheOriginalDid() {
        CliRun.against(sample.get(), "dmsize", "--user=bob", dst.toString());

        assertThat(Files.exists(dst.resolve("bob/media.json"))).isTrue();
        assertThat(Files.exists(dst.resolve(
                "bob/Test video 42/1264cde462416235548e5f69/assets.json"))).isTrue();
    }

    private long bobFileBytes() {
        long total = 0;
        for (EmulatedMedia media : sample.get().catalog().media(SampleCatalog.BOB_ID)) {
            for (EmulatedAsset asset : media.assets().values()) {
                if (asset.content() != null) {
                    total += asset.content().length();
                }
            }
        }
        return total;
    }
}
