package org.dmmigrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of figures the chaos suite prints: to stdout and to {@code target/chaos/NAME.txt},
 * as plain text with right-aligned numbers. Not thread-safe.
 */
final class ChaosTable {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ChaosTable(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    /** Adds a row; numbers are printed as given. */
    void row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
    }

    /** Adds a line printed under the table. */
    void note(String line) {
        notes.add(line);
    }

    /** The table as text. */
    String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(title).append(" (").append(ChaosScale.current().name().toLowerCase())
                .append(" scale, ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(")\n");
        line(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(width));
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        for (String note : notes) {
            out.append(note).append('\n');
        }
        return out.toString();
    }

    /** Prints the table and writes it to {@code target/chaos/<name>.txt}. */
    void publish(String name) throws IOException {
        String text = render();
        System.out.println();
        System.out.print(text);
        Path folder = Path.of("target", "chaos");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String padded = i == 0 ? String.format("%-" + widths[i] + "s", cell)
                    : String.format("%" + widths[i] + "s", cell);
            out.append(i == 0 ? "" : " | ").append(padded);
        }
        out.append('\n');
    }
}
