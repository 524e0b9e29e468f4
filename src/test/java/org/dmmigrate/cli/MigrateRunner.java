package org.dmmigrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmmigrate.target.s3.S3Server;

/**
 * Runs the real {@code dmmigrate} in-process against an s3proxy: the credentials go in the
 * system properties the SDK's chain reads (the environment cannot be set in-process), with
 * short retry delays so that fault tests take seconds.
 */
final class MigrateRunner {

    private MigrateRunner() {
    }

    static void useCredentials(String accessKey, String secretKey) {
        System.setProperty("aws.accessKeyId", accessKey);
        System.setProperty("aws.secretAccessKey", secretKey);
    }

    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    /** Runs dmmigrate SOURCE DESTINATION against {@code server}, with {@code extra}. */
    static CliRun run(S3Server server, Path source, String destination, String... extra) {
        List<String> args = new ArrayList<>(List.of("--endpoint", server.endpoint().toString(),
                "--region", S3Server.REGION, "--retry-delay", "PT0.01S"));
        args.addAll(List.of(extra));
        args.add(source.toString());
        args.add(destination);
        CliRun run = CliRun.of("dmmigrate", args.toArray(String[]::new));
        System.err.println("dmmigrate exited with " + run.exitCode());
        return run;
    }
}
