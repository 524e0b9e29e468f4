package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.FaultPlan;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever happens, at any verbosity, no key and no signature reaches the output. */
class SecretsNeverPrintedIT {

    private static final String SIGNATURE = "auth=\\d+-\\d+-[a-z0-9]{8}-[0-9a-f]{32}";
    private static final String TOKEN = "[0-9a-f]{24}(/[0-9a-f]{24})?:[0-9a-f]{32}";

    @TempDir
    Path dst;

    @Test
    void verboseRunThroughFaultsShowsNoKeyAndNoSignature() throws Exception {
        FaultPlan faults = FaultPlan.parse(List.of("expire:p=0.3", "http-error:on=api,p=0.2",
                "http-error:on=cdn,p=0.2", "corrupt:p=0.2"), 11);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).port(0)
                .faults(faults).build()) {
            emulator.start();

            Process process = new ProcessBuilder("java", "-jar", "target/dmcloud-migrate-cli.jar",
                    "dmdownload", "-vv", "--api-url", emulator.baseUrl().toString(),
                    "--user-id", SampleCatalog.ADMIN_ID, "--api-key", SampleCatalog.ADMIN_KEY,
                    "--user=bob", dst.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);

            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(output).contains("retrying").contains("calling api");
            assertThat(output).doesNotContain(SampleCatalog.ADMIN_KEY);
            assertThat(output).doesNotContainPattern(SIGNATURE);
            assertThat(output).doesNotContainPattern(TOKEN);
        }
    }

    @Test
    void rejectedKeyIsNotEchoed() {
        String wrongKey = "feedfacefeedfacefeedfacefeedfacefeedface";
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).port(0)
                .build()) {
            emulator.start();

            CliRun run = CliRun.of("dmdownload", "--api-url", emulator.baseUrl().toString(),
                    "--user-id", SampleCatalog.ADMIN_ID, "--api-key", wrongKey, dst.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
            assertThat(run.err()).contains("DMCLOUD_API_KEY").doesNotContain(wrongKey);
        }
    }
}
