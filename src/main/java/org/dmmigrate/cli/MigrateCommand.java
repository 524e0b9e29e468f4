package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dmmigrate.engine.ApiMigrationRun;
import org.dmmigrate.engine.Backoff;
import org.dmmigrate.engine.MigrationCheck;
import org.dmmigrate.engine.MigrationOptions;
import org.dmmigrate.engine.MigrationRun;
import org.dmmigrate.engine.MigrationSummary;
import org.dmmigrate.engine.NotABackupException;
import org.dmmigrate.engine.PartSizing;
import org.dmmigrate.engine.Shard;
import org.dmmigrate.target.s3.S3Location;
import org.dmmigrate.target.s3.S3Target;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;

/** {@code dmmigrate}: a backup into S3-compatible storage, verified and resumable. */
@Command(name = "dmmigrate", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Copy the backup in SOURCE (made by dmdownload) into an S3 bucket: "
                + "every file the manifest vouches for, then media.json, assets.json, "
                + "MANIFEST.tsv, SHA256SUMS, MD5SUMS and REPORT.*, under keys that mirror the "
                + "backup below PREFIX, each with its MD5 checked by the store.",
            "Rerun it to resume: objects already there are skipped, interrupted multipart "
                    + "uploads continue from their last part. Credentials come from "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE."},
        footer = {"%nExit codes:%n"
                + "  0    complete: every file is in the bucket, checked%n"
                + "  1    unexpected error (a bug: please report it with the -vv output)%n"
                + "  2    usage: bad option, SOURCE is not a backup%n"
                + "  3    incomplete: some objects failed, or files are not in the manifest "
                + "(--check: missing or different objects); rerun%n"
                + "  4    the S3 store (or, --from-api, the service) cannot be reached, or "
                + "the bucket does not exist%n"
                + "  5    SOURCE cannot be read or its upload state written%n"
                + "  10   the S3 store (or, --from-api, the service) rejected the "
                + "credentials%n"
                + "  11   another run is using the backup folder%n"
                + "  130  interrupted (Ctrl-C; 143 for SIGTERM): rerun to resume%n"})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    S3Options s3Options;

    @Mixin
    VerbosityMixin verbosity;

    @Mixin
    ShardOption shardOption;

    @Mixin
    ServiceOptions serviceOptions;

    @Option(names = "--from-api",
            description = "Stream every asset straight from the service into the bucket, with "
                    + "no local copy (same credentials as dmdownload); SOURCE is then a small "
                    + "work folder for the listings, sent along as sidecars.")
    boolean fromApi;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME",
            description = "With --from-api: only this user of the organisation.")
    @Nullable String user;

    @Option(names = "--fake",
            description = "Look at the bucket and say what would be sent, but send nothing.")
    boolean fake;

    @Option(names = "--check",
            description = "Send nothing: confirm that every file of the manifest is in the "
                    + "bucket with the same size and MD5.")
    boolean check;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "4",
            description = "Requests in flight at once, parts included (default: "
                    + "${DEFAULT-VALUE}).")
    int jobs;

    /** Hidden, for tests: the smallest part, in MiB. */
    @Option(names = "--part-size-mib", paramLabel = "MIB", defaultValue = "8", hidden = true,
            description = "The smallest part of a multipart upload, in MiB (default: "
                    + "${DEFAULT-VALUE}).")
    int partSizeMib = 8;

    /** Hidden, for tests and tuning: the size above which a file goes multipart, in MiB. */
    @Option(names = "--multipart-above-mib", paramLabel = "MIB", defaultValue = "64",
            hidden = true, description = "Send files larger than this in parts (default: "
                    + "${DEFAULT-VALUE}).")
    int multipartAboveMib = 64;

    /** Hidden, for tests: the first wait between attempts of a request, doubled after each. */
    @Option(names = "--retry-delay", paramLabel = "DURATION", defaultValue = "PT0.5S",
            hidden = true, description = "The first wait before retrying a request.")
    Duration retryDelay = Duration.ofMillis(500);

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "The backup folder (with --from-api: the work folder).")
    Path source;

    @Parameters(index = "1", paramLabel = "s3://BUCKET[/PREFIX]",
            description = "Where the objects go.")
    String destination;

    @Override
    public Integer call() throws Exception {
        Destination.check(source, "SOURCE");
        if (jobs < 1 || jobs > 64) {
            throw new UsageException("--jobs must be between 1 and 64, not " + jobs);
        }
        if (partSizeMib < 5 || partSizeMib > 5 * 1024) {
            throw new UsageException("--part-size-mib must be between 5 and 5120");
        }
        S3Location location;
        try {
            location = S3Location.parse(destination);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        requireCredentials();
        PrintWriter out = spec.commandLine().getOut();

        try (S3Target target = new S3Target(s3Options.settings(location, jobs * 2));
                Interruption interruption = new Interruption()) {
            Shard shard = shardOption.shard();
            String what = (fromApi ? "the service" : source) + " into " + location
                    + (shard.isAll() ? "" : " (shard " + shard + " of the media only)");
            if (fromApi) {
                return fromApi(target, location, what, interruption, out);
            }
            if (check) {
                MigrationSummary summary = new MigrationCheck(target).check(source,
                        location.prefix(), shard);
                MigrationSummaryPrinter.printCheck(out, what, summary);
                return summary.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
            }
            MigrationOptions options = new MigrationOptions(source, location.prefix(), fake,
                    jobs, partSizeMib * PartSizing.MIB, multipartAboveMib * PartSizing.MIB,
                    shard);
            MigrationProgress progress = new MigrationProgress(out, Terminal.isInteractive());
            MigrationRun run = new MigrationRun(target, progress,
                    Backoff.exponential(retryDelay, Duration.ofSeconds(30), 6), interruption);
            MigrationSummary summary;
            try (progress) {
                summary = run.run(options);
            }
            MigrationSummaryPrinter.print(out, what, summary, fake);
            if (summary.wasCancelled()) {
                return ExitCodes.INTERRUPTED;
            }
            if (!fake && summary.complete()) {
                String scope = shard.isAll() ? "" : "--shard " + shard + " ";
                out.println("Check it any time: " + Launchers.command("dmmigrate") + " --check "
                        + scope + source + " "
                        + location + " (same --endpoint and --region)");
            }
            return summary.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
        } catch (NotABackupException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int fromApi(S3Target target, S3Location location, String what,
            Interruption interruption, PrintWriter out) throws Exception {
        if (check) {
            throw new UsageException("--check compares a backup folder with the bucket; "
                    + "it does not go with --from-api");
        }
        try (ServiceConnection connection = ServiceConnection.open(serviceOptions,
                spec.commandLine().getErr())) {
            MigrationOptions options = new MigrationOptions(source, location.prefix(), fake,
                    jobs, partSizeMib * PartSizing.MIB, multipartAboveMib * PartSizing.MIB,
                    shardOption.shard());
            MigrationProgress progress = new MigrationProgress(out, Terminal.isInteractive());
            ApiMigrationRun run = new ApiMigrationRun(connection.service(), connection.cdn(),
                    target, progress,
                    Backoff.exponential(retryDelay, Duration.ofSeconds(30), 8), interruption);
            MigrationSummary summary;
            try (progress) {
                summary = run.run(options, user);
            }
            MigrationSummaryPrinter.print(out, what, summary, fake);
            if (summary.wasCancelled()) {
                return ExitCodes.INTERRUPTED;
            }
            return summary.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
        }
    }

    /** Missing credentials are a usage error, found before any request is made. */
    private static void requireCredentials() {
        try {
            S3Target.credentialChain().resolveCredentials();
        } catch (SdkClientException e) {
            throw new UsageException("no AWS credentials found; set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in "
                    + "~/.aws/credentials");
        }
    }
}
