package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.Credentials;
import org.dmmigrate.protocol.http.ClientConfig;
import org.dmmigrate.protocol.http.HttpCloudkeyClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dmcloud-emulator command as a user runs it: a separate process on loopback. */
class EmulatorCommandIT {

    private static final Path JAR = Path.of("target", "dmcloud-migrate-cli.jar");

    @TempDir
    Path dst;

    @Test
    void printsTheExportsThatPointTheToolsAtIt() throws Exception {
        Process process = new ProcessBuilder("java", "-jar", JAR.toString(), "dmcloud-emulator")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Map<String, String> exports = readExports(process);

            HttpCloudkeyClient client = new HttpCloudkeyClient(ClientConfig.of(
                    URI.create(exports.get("DMCLOUD_API_URL")),
                    new Credentials(exports.get("DMCLOUD_USER_ID"),
                            exports.get("DMCLOUD_API_KEY"))));
            Object organisation = client.call(Call.of("organisation.get"));

            assertThat(exports.get("DMCLOUD_API_URL")).startsWith("http://127.0.0.1:");
            assertThat(organisation).isInstanceOf(Map.class);
            CliRun run = CliRun.of("dmdownload", "--api-url", exports.get("DMCLOUD_API_URL"),
                    "--user-id", exports.get("DMCLOUD_USER_ID"),
                    "--api-key", exports.get("DMCLOUD_API_KEY"), "--user=bob", dst.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Files.exists(dst.resolve("bob/media.json"))).isTrue();
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void badFaultSpecIsAUsageError() throws Exception {
        Process process = new ProcessBuilder("java", "-jar", JAR.toString(), "dmcloud-emulator",
                "--fault", "explode:p=2").redirectErrorStream(true).start();

        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(output).contains("explode");
    }

    private static Map<String, String> readExports(Process process) throws Exception {
        Map<String, String> exports = new HashMap<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("export ")) {
                String[] pair = line.substring("export ".length()).split("=", 2);
                exports.put(pair[0], pair[1]);
            }
            if (exports.size() == 3) {
                return exports;
            }
        }
        throw new AssertionError("the emulator exited before printing its exports: "
                + exports);
    }
}
