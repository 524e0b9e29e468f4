package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.util.List;
import org.dmmigrate.engine.MigrationSummary;
import org.dmmigrate.engine.RunSummary;

/** Prints the end-of-run summary of dmmigrate and of dmmigrate --check. */
final class MigrationSummaryPrinter {

    /** Problems listed one per line before the rest are only counted. */
    private static final int SHOWN = 20;

    private MigrationSummaryPrinter() {
    }

    static void print(PrintWriter out, String what, MigrationSummary summary, boolean fake) {
        String state = summary.wasCancelled() ? "INTERRUPTED (rerun to resume)"
                : summary.complete() ? "complete" : "INCOMPLETE";
        out.println();
        out.println((fake ? "Plan of " : "Migration of ") + what + ": " + state);
        if (fake) {
            out.printf("  would send        %d objects, %s%n", summary.plannedFiles(),
                    Units.bytes(summary.plannedBytes()));
        } else {
            out.printf("  uploaded          %d objects, %s (sent %s in %d requests, "
                    + "%d parts resumed)%n", summary.uploadedFiles(),
                    Units.bytes(summary.uploadedBytes()), Units.bytes(summary.sentBytes()),
                    summary.requests(), summary.resumedParts());
        }
        out.printf("  already present   %d objects, %s%n", summary.presentFiles(),
                Units.bytes(summary.presentBytes()));
        if (!fake) {
            out.printf("  uploads aborted   %d orphaned; %d kept to resume%n",
                    summary.abortedUploads(), summary.keptUploads());
        }
        problems(out, "unverified", summary.unverified());
        problems(out, "failed", summary.failures());
        if (!summary.complete() && !summary.wasCancelled()) {
            out.println("Rerun the same command: objects already in the target are skipped "
                    + "and interrupted uploads resume.");
        }
        out.flush();
    }

    static void printCheck(PrintWriter out, String what, MigrationSummary summary) {
        out.println("Check of " + what + ": " + (summary.complete() ? "complete" : "INCOMPLETE"));
        out.printf("  in the target     %d files, %s%n", summary.presentFiles(),
                Units.bytes(summary.presentBytes()));
        problems(out, "missing or wrong", summary.failures());
        out.flush();
    }

    private static void problems(PrintWriter out, String title, List<RunSummary.Problem> list) {
        out.printf("  %-17s %d%n", title, list.size());
        for (int i = 0; i < Math.min(SHOWN, list.size()); i++) {
            RunSummary.Problem problem = list.get(i);
            out.println("    " + problem.label() + ": " + problem.reason());
        }
        if (list.size() > SHOWN) {
            out.println("    ... and " + (list.size() - SHOWN) + " more (see -v log)");
        }
    }
}
