package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmmigrate.engine.AssetKind;
import org.dmmigrate.engine.RunSummary;
import org.dmmigrate.engine.Shard;
import org.jspecify.annotations.Nullable;

/** Prints the end-of-run summary of dmdownload. */
final class SummaryPrinter {

    /** Problems listed one per line before the rest are only counted. */
    private static final int SHOWN = 20;

    private SummaryPrinter() {
    }

    static void print(PrintWriter out, Path root, @Nullable String user, Shard shard,
            @Nullable Set<String> mediaIds, RunSummary summary, boolean fake) {
        String state = summary.wasCancelled() ? "INTERRUPTED (rerun to resume)"
                : summary.complete() ? "complete" : "INCOMPLETE";
        String scope = root + (user == null ? "" : " (user " + user + " only)")
                + (shard.isAll() ? "" : " (shard " + shard + " of the media only)")
                + (mediaIds == null ? "" : " (only the " + mediaIds.size() + " media named by "
                        + MediaFilter.VARIABLE + ")");
        out.println();
        out.println(fake ? "Plan of " + scope + ": the backup would be " + state
                : "Backup of " + scope + ": " + state);
        out.printf("  media listed      %d%n", summary.mediaCount());
        if (fake) {
            out.printf("  would fetch       %d files, %s%n", summary.plannedFiles(),
                    Units.bytes(summary.plannedBytes()));
        } else {
            out.printf("  downloaded        %d files, %s (received %s)%n",
                    summary.downloadedFiles(), Units.bytes(summary.downloadedBytes()),
                    Units.bytes(summary.transferredBytes()));
            out.printf("  already present   %d files, %s%n", summary.presentFiles(),
                    Units.bytes(summary.presentBytes()));
            if (summary.readTwiceFiles() > 0) {
                out.printf("  read twice        %d files with no checksum: kept as both reads "
                        + "agreed%n", summary.readTwiceFiles());
            }
            if (summary.sizeOnlyFiles() > 0) {
                out.printf("  size only         %d files with no checksum, read once "
                        + "(--single-read): checked by their size only%n",
                        summary.sizeOnlyFiles());
            }
        }
        Map<AssetKind, Long> kinds = summary.assetsByKind();
        out.printf("  skipped           %d adaptive streaming, %d live stream (no file to keep)%n",
                kinds.get(AssetKind.ADAPTIVE), kinds.get(AssetKind.LIVE));
        problems(out, "not ready", summary.notReady());
        problems(out, "in error", summary.inError());
        problems(out, "failed", summary.failures());
        if (!fake && !summary.complete() && !summary.wasCancelled()) {
            out.println("Rerun the same command later: finished files are kept, partial ones "
                    + "resume, and only what is missing is fetched.");
        }
        out.flush();
    }

    private static void problems(PrintWriter out, String title, List<RunSummary.Problem> list) {
        out.printf("  %-17s %d%n", title, list.size());
        for (int i = 0; i < Math.min(SHOWN, list.size()); i++) {
            RunSummary.Problem problem = list.get(i);
            out.println("    " + Terminal.printable(problem.label() + ": " + problem.reason()));
        }
        if (list.size() > SHOWN) {
            out.println("    ... and " + (list.size() - SHOWN) + " more (see -v log)");
        }
    }
}
