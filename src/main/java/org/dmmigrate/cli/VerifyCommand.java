package org.dmmigrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmmigrate.engine.BackupJson;
import org.dmmigrate.engine.BackupLock;
import org.dmmigrate.engine.CloudkeyService;
import org.dmmigrate.engine.CompletenessReport;
import org.dmmigrate.engine.Finding;
import org.dmmigrate.engine.Manifest;
import org.dmmigrate.engine.NotABackupException;
import org.dmmigrate.engine.Verification;
import org.dmmigrate.engine.Verifier;
import org.dmmigrate.protocol.http.UserAgent;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmverify}: proves, offline, that a backup is complete and intact. */
@Command(name = "dmverify", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Check, offline, that every file of the backup in DST is present and "
                + "intact: size as listed, MD5 as the service's checksum, size, MD5 and "
                + "SHA-256 as the manifest recorded. Reports missing, corrupt, extra and "
                + "leftover partial files, per user and in total.",
            "Refreshes DST/MANIFEST.tsv, SHA256SUMS and MD5SUMS and writes DST/REPORT.json "
                    + "and REPORT.txt, unless --read-only or DST cannot be written. With "
                    + "--online, also compares with the service's current listings."},
        footer = {"%nExit codes:%n"
                + "  0    complete and intact%n"
                + "  1    unexpected error (a bug: please report it with the -vv output)%n"
                + "  2    DST is not a backup, or a bad option%n"
                + "  3    incomplete or not intact: missing, corrupt, not ready or in error "
                + "files (with --strict: extra or leftover files too)%n"
                + "  4    --online: the service cannot be reached%n"
                + "  5    DST cannot be written (give --read-only to check it as it is)%n"
                + "  10   --online: the service rejected the credentials%n"
                + "  11   another run is using the backup folder%n"
                + "  130  interrupted (Ctrl-C)%n"
                + "%nEnvironment: DMCLOUD_MEDIA_PATH restricts the check to some media, as it "
                + "restricted the download: a JSON list of media ids, or the path of a file "
                + "holding one.%n"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions serviceOptions;

    @Mixin
    VerbosityMixin verbosity;

    @Mixin
    ShardOption shardOption;

    @Option(names = "--online",
            description = "Also list the service (same credentials as dmdownload) and report "
                    + "what it has and the backup lacks. Writes no listing.")
    boolean online;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME",
            description = "Verify only this user's folder (and, online, only this user).")
    @Nullable String user;

    @Option(names = "--json", description = "Print the report as JSON, for scripts.")
    boolean json;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Files hashed at once (default: the number of processors).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--check", paramLabel = "DEPTH", defaultValue = "full",
            description = "full: size, MD5 and SHA-256 of every file (default); md5: SHA-256 "
                    + "only for files the manifest lacks; size: hash only those.")
    Verifier.Depth depth;

    @Option(names = "--read-only",
            description = "Write nothing into DST: no manifest refresh, no report, no lock "
                    + "(so it also runs beside a dmdownload run).")
    boolean readOnly;

    @Option(names = "--strict", description = "Extra and leftover files fail the check too.")
    boolean strict;

    @Parameters(paramLabel = "DST", description = "The backup folder.")
    Path destination;

    @Override
    public Integer call() throws Exception {
        Destination.check(destination);
        if (jobs < 1 || jobs > 256) {
            throw new UsageException("--jobs must be between 1 and 256, not " + jobs);
        }
        if (!Files.isDirectory(destination)) {
            throw new UsageException(destination + " is not a folder; give the DST folder "
                    + "that dmdownload wrote");
        }
        boolean write = !readOnly && Files.isWritable(destination);
        if (!readOnly && !write) {
            spec.commandLine().getErr().println("dmverify: " + destination + " is not "
                    + "writable: verifying without refreshing the manifest or the report");
        }
        warnOfNarrowerScope(spec.commandLine().getErr());
        try (Interruption interruption = new Interruption();
                BackupLock lock = write ? BackupLock.acquire(destination) : null;
                ServiceConnection connection = online ? ServiceConnection.open(serviceOptions,
                        spec.commandLine().getErr()) : null;
                Manifest manifest = write ? Manifest.openAndFold(destination)
                        : Manifest.open(destination)) {
            CloudkeyService service = connection == null ? null : connection.service();
            Clock clock = Clock.systemUTC();
            Verifier verifier = new Verifier(destination, jobs, depth, clock, interruption);
            Verifier scoped = user == null ? verifier : verifier.forUser(user);
            Verification verification = scoped.forShard(shardOption.shard())
                    .forMedia(MediaFilter.parse(System.getenv(MediaFilter.VARIABLE)))
                    .verify(manifest, write, service);
            CompletenessReport report = new CompletenessReport(verification, destination,
                    "dmverify " + UserAgent.toolVersion(),
                    connection == null ? CompletenessReport.OFFLINE : connection.url().toString(),
                    clock.instant(), manifest.size());
            if (write) {
                try {
                    manifest.save();
                    report.write();
                } catch (IOException e) {
                    throw Destination.cannotWrite(destination, e);
                }
            }
            print(report);
            return exitCode(verification);
        } catch (NotABackupException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Warns when the backup's last report covered less than this check will (one shard, or
     * the media of {@code DMCLOUD_MEDIA_PATH}): the media left out will be called missing.
     */
    private void warnOfNarrowerScope(PrintWriter err) {
        Optional<@Nullable Object> tree;
        try {
            tree = BackupJson.read(destination.resolve(CompletenessReport.JSON_NAME));
        } catch (IOException e) {
            return;
        }
        if (!(tree.orElse(null) instanceof Map<?, ?> report)) {
            return;
        }
        if (report.get("shard") instanceof String shard && shardOption.shard().isAll()) {
            err.println("dmverify: the last report of " + destination + " was for shard "
                    + shard + " of the media only; give --shard " + shard + " to check just "
                    + "those (without it, the other shards' media are expected too)");
        }
        if (report.get("scope") instanceof String scope && scope.contains(MediaFilter.VARIABLE)
                && System.getenv(MediaFilter.VARIABLE) == null) {
            err.println("dmverify: the last report of " + destination + " was for the media "
                    + "named by " + MediaFilter.VARIABLE + " only; set the same variable to "
                    + "check just those");
        }
        err.flush();
    }

    private void print(CompletenessReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(new String(BackupJson.format(report.tree()),
                    StandardCharsets.UTF_8));
        } else {
            out.print(report.text());
        }
        out.flush();
    }

    private int exitCode(Verification verification) {
        if (verification.cancelled()) {
            return ExitCodes.INTERRUPTED;
        }
        boolean odd = !verification.findings(Finding.Kind.EXTRA).isEmpty()
                || !verification.findings(Finding.Kind.LEFTOVER).isEmpty();
        return verification.complete() && !(strict && odd) ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
