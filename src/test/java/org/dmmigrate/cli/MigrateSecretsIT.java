package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dmmigrate.engine.Digests;
import org.dmmigrate.engine.Manifest;
import org.dmmigrate.target.s3.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dmmigrate in its own JVM with the credentials in the environment, as a user runs it: at
 * the highest verbosity, the secret reaches neither the output nor the log.
 */
class MigrateSecretsIT {

    @TempDir
    static Path backup;

    private static S3Server server;

    @BeforeAll
    static void makeBackupAndStartS3() throws Exception {
        Path file = backup.resolve("alice/Clip/0123456789abcdef01234567/source.mp4");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[100_000]);
        try (Manifest manifest = Manifest.open(backup)) {
            manifest.record(Manifest.Entry.of(backup, file, Digests.of(file, true), "alice",
                    "0123456789abcdef01234567", "source", Instant.now()));
            manifest.save();
        }
        server = S3Server.start();
        server.createBucket("secrets");
    }

    @AfterAll
    static void stopS3() {
        server.close();
    }

    @Test
    void verboseMigrationWithEnvironmentCredentialsNeverShowsTheSecret() throws Exception {
        Result result = run(S3Server.SECRET_KEY);

        assertThat(result.code()).as(result.output()).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).contains("sent").contains("uploaded object key=")
                .doesNotContain(S3Server.SECRET_KEY);
        assertThat(server.client().headObject(b -> b.bucket("secrets")
                .key("env/alice/Clip/0123456789abcdef01234567/source.mp4")).contentLength())
                .isEqualTo(100_000);
    }

    @Test
    void wrongSecretInTheEnvironmentGivesExitTenWithoutShowingIt() throws Exception {
        String wrong = "ThisSecretIsWrongAndMustStayHidden";

        Result result = run(wrong);

        assertThat(result.code()).as(result.output()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.output()).contains("rejected the credentials")
                .doesNotContain(wrong);
    }

    private record Result(int code, String output) {
    }

    private static Result run(String secret) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar",
                "target/dmcloud-migrate-cli.jar", "dmmigrate", "-vv", "--endpoint",
                server.endpoint().toString(), backup.toString(), "s3://secrets/env")
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", secret);
        environment.put("AWS_REGION", S3Server.REGION);
        environment.remove("AWS_PROFILE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
