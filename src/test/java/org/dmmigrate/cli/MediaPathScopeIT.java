package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run restricted by {@code DMCLOUD_MEDIA_PATH} is checked in the same scope: by its own
 * report, and by dmverify given the same variable. The tools run as separate JVMs, since the
 * variable is read from the environment.
 */
class MediaPathScopeIT {

    private static final String MEDIA = "[\"" + SampleCatalog.HOLIDAY_MEDIA_ID + "\", \""
            + SampleCatalog.TEST_VIDEO_MEDIA_ID + "\"]";

    @TempDir
    Path dst;

    @Test
    void restrictedRunIsReportedAndVerifiedInItsOwnScope() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {

            Result download = run(emulator, true, "dmdownload", dst.toString());
            Result scoped = run(emulator, true, "dmverify", dst.toString());
            Result whole = run(emulator, false, "dmverify", dst.toString());

            assertThat(download.exitCode()).as(download.output()).isZero();
            assertThat(download.output())
                    .contains("(only the 2 media named by DMCLOUD_MEDIA_PATH)")
                    .contains("bin/dmverify " + dst + " (with the same DMCLOUD_MEDIA_PATH)");
            assertThat(scoped.exitCode()).as(scoped.output()).isZero();
            assertThat(scoped.output()).contains("only the media named by DMCLOUD_MEDIA_PATH")
                    .contains("COMPLETE");
            assertThat(whole.exitCode()).as(whole.output()).isEqualTo(ExitCodes.INCOMPLETE);
            assertThat(whole.output()).contains("INCOMPLETE");
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(Emulator emulator, boolean restricted, String tool, String... args)
            throws IOException, InterruptedException {
        Path jar = Path.of("target", "dmcloud-migrate-cli.jar");
        assertThat(jar).as("the shaded jar; run mvn verify, which packages first").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), tool));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("media-path", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DMCLOUD_"));
        builder.environment().put("DMCLOUD_API_URL", emulator.baseUrl().toString());
        builder.environment().put("DMCLOUD_USER_ID", SampleCatalog.ADMIN_ID);
        builder.environment().put("DMCLOUD_API_KEY", SampleCatalog.ADMIN_KEY);
        if (restricted) {
            builder.environment().put("DMCLOUD_MEDIA_PATH", MEDIA);
        }
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(tool + " ended").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }
}
