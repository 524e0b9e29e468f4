package org.dmmigrate.engine;

import java.util.Locale;
import java.util.OptionalLong;
import org.dmmigrate.model.Media;

/**
 * How the HTML catalog words titles, sizes and durations. Sizes are decimal, labelled so
 * (1 MB = 1,000,000 bytes), as in the rest of the tool. Stateless and thread-safe.
 */
public final class CatalogText {

    /** Shown for a media without a title. */
    public static final String UNTITLED = "(untitled)";

    /** Shown for a media whose title is the empty string. */
    public static final String EMPTY_TITLE = "(empty title)";

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private CatalogText() {
    }

    /** The title to show: the media's own, or a placeholder when it has none. */
    public static String title(Media media) {
        String title = media.title();
        if (title == null) {
            return UNTITLED;
        }
        return title.isEmpty() ? EMPTY_TITLE : title;
    }

    /** Whether {@link #title} gives a placeholder rather than the media's title. */
    public static boolean placeholderTitle(Media media) {
        return media.title() == null || media.title().isEmpty();
    }

    /** A byte count such as {@code 37.75 kB}. */
    public static String bytes(long count) {
        double value = count;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? count + " B" : String.format(Locale.ROOT, "%.2f %s", value, UNITS[unit]);
    }

    /** A duration such as {@code 0:03} or {@code 1:02:03}; empty when unknown. */
    public static String duration(OptionalLong seconds) {
        if (seconds.isEmpty()) {
            return "";
        }
        long total = seconds.getAsLong();
        long hours = total / 3600;
        long minutes = total / 60 % 60;
        long rest = total % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest);
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /** A resolution such as {@code 1280×720}; empty when the listing gives none. */
    public static String resolution(CatalogAsset asset) {
        OptionalLong width = asset.number("video_width");
        OptionalLong height = asset.number("video_height");
        if (width.isEmpty() || height.isEmpty()) {
            return "";
        }
        return width.getAsLong() + "\u00d7" + height.getAsLong();
    }
}
