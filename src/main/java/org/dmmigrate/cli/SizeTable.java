package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.dmmigrate.engine.SizeReport;

/**
 * Prints dmsize's plan as a table in the original tool's column layout (user 20, asset 30),
 * with exact bytes and decimal units labelled as such.
 */
final class SizeTable {

    private static final String FORMAT = "%-20s %-30s %6s %15s %12s %12s %12s%n";

    private SizeTable() {
    }

    static void print(PrintWriter out, Path root, SizeReport report) {
        out.println("Estimated assets size:");
        out.printf(FORMAT, "USER", "ASSET", "FILES", "BYTES", "TOTAL", "PRESENT", "REMAINING");
        long[] all = new long[3];
        String current = null;
        long[] sums = new long[3];
        for (SizeReport.Row row : report.rows()) {
            if (current != null && !current.equals(row.username())) {
                line(out, current, "TOTAL", sums[0], sums[1], sums[2]);
                sums = new long[3];
            }
            current = row.username();
            if (row.assetName().isEmpty()) {
                continue;
            }
            line(out, row.username(), row.assetName(), row.files(), row.totalBytes(),
                    row.presentBytes());
            sums[0] += row.files();
            sums[1] = SizeReport.plus(sums[1], row.totalBytes());
            sums[2] = SizeReport.plus(sums[2], row.presentBytes());
            all[0] += row.files();
        }
        if (current != null) {
            line(out, current, "TOTAL", sums[0], sums[1], sums[2]);
        }
        line(out, "", "TOTAL", all[0], report.totalBytes(), report.presentBytes());

        out.println();
        String verdict = report.fits() ? "fits" : "DOES NOT FIT: free some space or choose "
                + "another DST";
        out.println("Free space on the file system of " + root + ": "
                + Units.bytes(report.usableBytes()) + "; remaining to download "
                + Units.bytes(report.remainingBytes()) + " " + verdict + ".");
        notes(out, "not ready", report.summary().notReady().size());
        notes(out, "in error", report.summary().inError().size());
        int failed = report.summary().failures().size();
        if (failed > 0) {
            out.println(failed + " listings failed; their assets are not counted (rerun, or "
                    + "see -v).");
        }
    }

    private static void line(PrintWriter out, String user, String asset, long files, long total,
            long present) {
        out.printf(FORMAT, user, asset, files, total, Units.bytes(total), Units.bytes(present),
                Units.bytes(Math.max(0, total - present)));
    }

    private static void notes(PrintWriter out, String what, int count) {
        if (count > 0) {
            out.println(count + " assets " + what + " are not counted; dmdownload will report "
                    + "them.");
        }
    }
}
