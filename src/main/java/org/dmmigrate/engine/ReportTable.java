package org.dmmigrate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The per-user table of a completeness report's text, one row per user and a total. */
final class ReportTable {

    private static final String[] HEADINGS = {"user", "media", "expected", "present",
        "skipped", "not ready", "in error", "missing", "corrupt", "bytes expected",
        "bytes present"};

    private ReportTable() {
    }

    static String render(Verification verification) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        verification.users().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(user -> rows.add(row(user.getKey(), user.getValue())));
        rows.add(row("total", verification.total()));

        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String format = i == 0 ? "%-" + widths[i] + "s" : "  %" + widths[i] + "s";
                line.append(String.format(format, row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String[] row(String user, Tally tally) {
        return new String[] {user, n(tally.media()), n(tally.files()), n(tally.verified()),
            n(tally.skippedAdaptive() + tally.skippedLive()), n(tally.notReady()),
            n(tally.inError()), n(tally.missing()), n(tally.corrupt()),
            n(tally.bytesExpected()), n(tally.bytesPresent())};
    }

    private static String n(long value) {
        return Long.toString(value);
    }
}
