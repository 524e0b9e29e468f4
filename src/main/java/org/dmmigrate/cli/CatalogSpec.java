package org.dmmigrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.FolderCatalog;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.emulator.SyntheticCatalog;

/** Parses {@code --catalog}: {@code sample}, {@code folder:DIR}, {@code synthetic:UxMxSIZE}. */
final class CatalogSpec {

    private static final Pattern SYNTHETIC =
            Pattern.compile("(\\d+)x(\\d+)x(\\d+)(B|kB|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private CatalogSpec() {
    }

    static Catalog parse(String spec, long seed) throws java.io.IOException {
        if (spec.equals("sample")) {
            return SampleCatalog.create();
        }
        if (spec.startsWith("folder:")) {
            Path folder = Path.of(spec.substring("folder:".length()));
            if (!Files.isDirectory(folder)) {
                throw new UsageException("--catalog " + spec + ": " + folder
                        + " is not a folder; give the DST of a backup");
            }
            return FolderCatalog.open(folder);
        }
        if (spec.startsWith("synthetic:")) {
            Matcher matcher = SYNTHETIC.matcher(spec.substring("synthetic:".length()));
            if (!matcher.matches()) {
                throw new UsageException("--catalog " + spec + ": expected synthetic:"
                        + "USERSxMEDIAxSIZE such as synthetic:2x1000x5MB");
            }
            long size = Long.parseLong(matcher.group(3)) * multiplier(matcher.group(4));
            return SyntheticCatalog.create(Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)), size, Math.max(1, size / 4), seed);
        }
        throw new UsageException("--catalog " + spec + " is unknown; use sample, folder:DIR "
                + "or synthetic:USERSxMEDIAxSIZE");
    }

    private static long multiplier(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            default -> 1L;
        };
    }
}
