package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dmmigrate.engine.BackupJson;
import org.dmmigrate.engine.BackupOptions;
import org.dmmigrate.engine.RunSummary;
import org.dmmigrate.engine.Shard;
import org.dmmigrate.engine.SizeReport;
import org.dmmigrate.engine.SizeRun;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmsize}: what a backup will take, per user and asset name, against free space. */
@Command(name = "dmsize", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show what dmdownload would fetch into DST: per user and asset name, "
                + "the bytes listed, already present and remaining, against the free space.",
            "Sizes are decimal: 1 MB = 1,000,000 bytes. Like dmdownload, it writes the "
                    + "listings (media.json, assets.json) into DST."},
        footer = ExitCodes.FOOTER)
final class SizeCommand implements Callable<Integer> {

    /** Failed listings named on stderr; the rest are counted. */
    private static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions serviceOptions;

    @Mixin
    VerbosityMixin verbosity;

    @Mixin
    ShardOption shardOption;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME",
            description = "Measure only this user of the organisation.")
    @Nullable String user;

    @Option(names = "--json", description = "Print the plan as JSON, for scripts.")
    boolean json;

    @Parameters(paramLabel = "DST", description = "The backup folder.")
    Path destination;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Destination.check(destination);
        BackupOptions options = new BackupOptions(destination, user,
                MediaFilter.parse(System.getenv(MediaFilter.VARIABLE)), true, 4,
                shardOption.shard());
        SizeReport report;
        try (Interruption interruption = new Interruption();
                ServiceConnection connection = ServiceConnection.open(serviceOptions,
                        spec.commandLine().getErr())) {
            report = new SizeRun(connection.service(), interruption).run(options);
        } catch (java.io.IOException e) {
            throw Destination.cannotWrite(destination, e);
        }
        Shard shard = shardOption.shard();
        if (json) {
            Map<String, Object> tree = tree(report);
            if (!shard.isAll()) {
                tree.put("shard", shard.toString());
            }
            out.print(new String(BackupJson.format(tree), StandardCharsets.UTF_8));
        } else {
            if (!shard.isAll()) {
                out.println("Shard " + shard + " of the media only.");
            }
            SizeTable.print(out, destination, report);
        }
        out.flush();
        return incomplete(report) ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    /** Says on stderr which listings failed: their assets are missing from the plan. */
    private boolean incomplete(SizeReport report) {
        List<RunSummary.Problem> failures = report.summary().failures();
        if (failures.isEmpty()) {
            return false;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("dmsize: the plan is incomplete: " + failures.size() + " listings failed"
                + " and their assets are not counted; rerun later (or with -v):");
        failures.stream().limit(SHOWN).forEach(problem -> err.println("  "
                + Terminal.printable(problem.label() + ": " + problem.reason())));
        err.flush();
        return true;
    }

    private static Map<String, Object> tree(SizeReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SizeReport.Row row : report.rows()) {
            if (row.assetName().isEmpty()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("user", row.username());
            item.put("asset_name", row.assetName());
            item.put("files", row.files());
            item.put("total_bytes", row.totalBytes());
            item.put("present_bytes", row.presentBytes());
            item.put("remaining_bytes", row.remainingBytes());
            rows.add(item);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("rows", rows);
        tree.put("total_bytes", report.totalBytes());
        tree.put("present_bytes", report.presentBytes());
        tree.put("remaining_bytes", report.remainingBytes());
        tree.put("usable_bytes", report.usableBytes());
        tree.put("fits", report.fits());
        tree.put("not_ready", report.summary().notReady().size());
        tree.put("in_error", report.summary().inError().size());
        tree.put("failed", report.summary().failures().size());
        return tree;
    }
}
