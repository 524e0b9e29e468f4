package org.dmmigrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dmmigrate.engine.Backoff;
import org.dmmigrate.engine.BackupOptions;
import org.dmmigrate.engine.BackupRun;
import org.dmmigrate.engine.CatalogSummary;
import org.dmmigrate.engine.CatalogWriter;
import org.dmmigrate.engine.Provenance;
import org.dmmigrate.engine.RunSummary;
import org.dmmigrate.protocol.http.UserAgent;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmdownload}: the backup of a whole organisation, verified and resumable. */
@Command(name = "dmdownload", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Back up every asset of a DmCloud organisation into DST:",
            "DST/<user>/media.json, DST/<user>/<title>/<media_id>/assets.json and one file "
                    + "per asset. Rerun it to resume: only what is missing is fetched."},
        footer = ExitCodes.FOOTER)
final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions serviceOptions;

    @Mixin
    VerbosityMixin verbosity;

    @Option(names = "--single-read",
            description = "Read each file once, even when the service gives nothing to check "
                    + "it against (no checksum, no MD5 ETag): such files are then checked by "
                    + "their size only. By default they are read a second time and kept only "
                    + "when both reads agree.")
    boolean singleRead;

    @Mixin
    ShardOption shardOption;

    @Option(names = "--fake",
            description = "List everything and write the listings, but download nothing.")
    boolean fake;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME",
            description = "Back up only this user of the organisation.")
    @Nullable String user;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "4",
            description = "Downloads in flight at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    /** Hidden, for tests: the first wait between attempts of a download, doubled after each. */
    @Option(names = "--retry-delay", paramLabel = "DURATION", defaultValue = "PT0.5S",
            hidden = true, description = "The first wait before retrying a download, as "
                    + "ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration retryDelay = Duration.ofMillis(500);

    @Parameters(paramLabel = "DST", description = "The backup folder.")
    Path destination;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1 || jobs > 64) {
            throw new UsageException("--jobs must be between 1 and 64, not " + jobs);
        }
        PrintWriter out = spec.commandLine().getOut();
        Destination.check(destination);
        BackupOptions options = new BackupOptions(destination, user,
                MediaFilter.parse(System.getenv(MediaFilter.VARIABLE)), fake, jobs,
                shardOption.shard(), !singleRead);

        try (Interruption interruption = new Interruption();
                ServiceConnection connection = ServiceConnection.open(serviceOptions,
                        spec.commandLine().getErr());
                ProgressPrinter progress = new ProgressPrinter(out, Terminal.isInteractive())) {
            Provenance provenance = new Provenance("dmdownload " + UserAgent.toolVersion(),
                    connection.url().toString());
            BackupRun run = new BackupRun(provenance, connection.service(), connection.cdn(),
                    progress,
                    Backoff.exponential(retryDelay, Duration.ofSeconds(30), 8),
                    interruption);
            RunSummary summary;
            try {
                summary = run.run(options);
            } catch (IOException e) {
                throw Destination.cannotWrite(destination, e);
            }
            progress.close();
            SummaryPrinter.print(out, destination, user, shardOption.shard(), options.mediaIds(),
                    summary, fake);
            if (summary.wasCancelled()) {
                return ExitCodes.INTERRUPTED;
            }
            if (!fake) {
                pointAtTheRecord(out, summary);
            }
            return summary.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
        }
    }

    /** Ends the output with where to look: the report, the catalog, the verification. */
    private void pointAtTheRecord(PrintWriter out, RunSummary summary) throws Exception {
        summary.report().ifPresent(report -> out.println("Report:   " + report));
        if (serviceOptions.demo) {
            CatalogSummary catalog = new CatalogWriter(destination, Clock.systemUTC()).write();
            out.println("Catalog:  " + catalog.index().toUri() + " (open it in a browser)");
        } else {
            out.println("Browse it offline with: " + Launchers.command("dmcatalog") + " "
                    + destination);
        }
        // The same scope as this run, or the check would call the media it left out missing.
        String scope = shardOption.shard().isAll() ? "" : "--shard " + shardOption.shard() + " ";
        String media = System.getenv(MediaFilter.VARIABLE) == null ? ""
                : " (with the same " + MediaFilter.VARIABLE + ")";
        out.println("Check it offline, any time: " + Launchers.command("dmverify") + " " + scope
                + destination + media);
        out.flush();
    }
}
