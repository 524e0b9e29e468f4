package org.dmmigrate.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text forms of manifest entries: a row of {@code MANIFEST.tsv} (tab-separated, with
 * {@code \\}, {@code \t}, {@code \n} and {@code \r} escaped in fields) and a line of
 * {@code SHA256SUMS} or {@code MD5SUMS} in GNU coreutils' format.
 */
final class ManifestLines {

    static final String HEADER = String.join("\t", "path", "size", "md5", "sha256", "user",
            "media_id", "asset_name", "verified_at");

    private static final int FIELDS = 8;

    private ManifestLines() {
    }

    static String row(Manifest.Entry entry) {
        return String.join("\t", escape(entry.path()), Long.toString(entry.size()),
                entry.md5(), entry.sha256(), escape(entry.user()), escape(entry.mediaId()),
                escape(entry.assetName()), entry.verifiedAt().toString());
    }

    /** The path of a row: its first field, unescaped; cheaper than parsing it whole. */
    static String pathOf(String line) {
        int tab = line.indexOf('\t');
        return unescape(tab < 0 ? line : line.substring(0, tab));
    }

    /** The entry of a row, or empty when the row is torn or malformed. */
    static Optional<Manifest.Entry> parse(String line) {
        List<String> fields = split(line);
        if (fields.size() != FIELDS || fields.get(0).equals("path")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Manifest.Entry(unescape(fields.get(0)),
                    Long.parseLong(fields.get(1)), fields.get(2), fields.get(3),
                    unescape(fields.get(4)), unescape(fields.get(5)), unescape(fields.get(6)),
                    Instant.parse(fields.get(7))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A {@code sha256sum}/{@code md5sum} line. A name with a backslash, newline or carriage
     * return takes coreutils' escaped form: the line starts with a backslash and those
     * characters are written {@code \\}, {@code \n} and {@code \r}.
     */
    static String sumLine(String hex, String path) {
        if (path.indexOf('\\') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
            return hex + "  " + path;
        }
        String escaped = path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return "\\" + hex + "  " + escaped;
    }

    static String escape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(FIELDS);
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(line.substring(start));
        return fields;
    }
}
