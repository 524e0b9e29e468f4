package org.dmmigrate.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * How a backup names an asset's file: {@code <asset_name><ext>}, where the extension comes
 * from {@code file_extension} for the source and from the container for the others, as the
 * original tool did (plus the containers its map had commented out).
 *
 * <p>Stateless and thread-safe.
 */
public final class AssetKinds {

    /** The name of the uploaded original. */
    public static final String SOURCE = "source";

    private static final Map<String, String> EXTENSIONS = Map.of(
            "JPEG", ".jpg",
            "MPEG-4", ".mp4",
            "Flash Video", ".flv",
            "Matroska", ".mkv",
            "QuickTime", ".mov",
            "AVI", ".avi",
            "MPEG-PS", ".mpeg",
            "Windows Media", ".asf",
            "XAVC", ".mp4");

    private AssetKinds() {
    }

    /** The extension (with its dot) for a container name, if known. */
    public static Optional<String> extensionOf(String container) {
        return Optional.ofNullable(EXTENSIONS.get(container));
    }

    /**
     * The file extension (with its dot) of an asset in a backup, or empty when its properties
     * name none: a source without {@code file_extension}, an asset without or with an unknown
     * {@code container}.
     */
    public static Optional<String> extensionOf(String assetName, Map<String, ?> properties) {
        if (SOURCE.equals(assetName)) {
            Object extension = properties.get("file_extension");
            return extension instanceof String s ? Optional.of("." + s) : Optional.empty();
        }
        Object container = properties.get("container");
        return container instanceof String s ? extensionOf(s) : Optional.empty();
    }

    /** Whether the original tool skipped an asset of this name (adaptive and live streams). */
    public static boolean isStream(String assetName) {
        return assetName.equals("abs") || assetName.equals("abs_fa")
                || assetName.equals("live");
    }
}
