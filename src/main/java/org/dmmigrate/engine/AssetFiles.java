package org.dmmigrate.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dmmigrate.model.Asset;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn an asset description into a kind, a file extension and a URL.
 *
 * <p>Kept from the original tool: {@code abs}, {@code abs_fa} and {@code live} are not
 * files; a source is named by its {@code file_extension}; other files by their container.
 * Changed: every {@code abs*} asset is skipped; containers the original did not know get
 * their usual extension, or one taken from the asset name, instead of aborting the run.
 */
public final class AssetFiles {

    private static final Map<String, String> CONTAINER_EXTENSIONS = Map.ofEntries(
            Map.entry("jpeg", ".jpg"),
            Map.entry("mpeg-4", ".mp4"),
            Map.entry("avi", ".avi"),
            Map.entry("flash video", ".flv"),
            Map.entry("matroska", ".mkv"),
            Map.entry("mpeg-ps", ".mpeg"),
            Map.entry("mpeg-ts", ".ts"),
            Map.entry("quicktime", ".mov"),
            Map.entry("windows media", ".asf"),
            Map.entry("xavc", ".mp4"),
            Map.entry("webm", ".webm"),
            Map.entry("ogg", ".ogg"),
            Map.entry("png", ".png"),
            Map.entry("gif", ".gif"),
            Map.entry("mpeg audio", ".mp3"),
            Map.entry("3gpp", ".3gp"));

    private static final Map<String, String> NAME_PREFIX_EXTENSIONS = Map.of(
            "jpeg", ".jpg", "jpg", ".jpg", "png", ".png");

    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,8}");

    private static final String FALLBACK_EXTENSION = ".bin";

    /** Extensions of the tools' partial and temporary files, which no asset may take. */
    private static final Set<String> RESERVED_EXTENSIONS = Set.of("part", "tmp");

    private AssetFiles() {
    }

    /** What the backup does with this asset. */
    public static AssetKind kind(Asset asset) {
        String name = asset.name();
        if (name.startsWith("abs")) {
            return AssetKind.ADAPTIVE;
        }
        if (name.equals("live") || name.startsWith("live_")) {
            return AssetKind.LIVE;
        }
        String status = asset.status();
        if ("error".equals(status)) {
            return AssetKind.ERROR;
        }
        if (!"ready".equals(status)) {
            return AssetKind.NOT_READY;
        }
        return AssetKind.FILE;
    }

    /** The status as the service sent it, for reports: {@code missing} when absent. */
    public static String statusText(Asset asset) {
        Object status = asset.properties().get("status");
        return status == null ? "missing" : status.toString();
    }

    /** The extension of the asset's file, with its dot, such as {@code .mp4}. */
    public static String extension(Asset asset) {
        if (asset.name().equals("source")) {
            String declared = asset.fileExtension();
            if (declared != null && EXTENSION.matcher(declared).matches()
                    && !RESERVED_EXTENSIONS.contains(declared.toLowerCase(Locale.ROOT))) {
                return "." + declared;
            }
        }
        String container = asset.container();
        if (container != null) {
            String known = CONTAINER_EXTENSIONS.get(container.trim().toLowerCase(Locale.ROOT));
            if (known != null) {
                return known;
            }
        }
        return fromName(asset.name());
    }

    /**
     * The URL to fetch: {@code download_url}, else {@code stream_url} (thumbnails have only
     * that), else null.
     */
    public static @Nullable String url(Asset asset) {
        String download = asset.downloadUrl();
        return download != null ? download : asset.streamUrl();
    }

    private static String fromName(String assetName) {
        int underscore = assetName.indexOf('_');
        String prefix = underscore > 0 ? assetName.substring(0, underscore) : "";
        String lower = prefix.toLowerCase(Locale.ROOT);
        if (NAME_PREFIX_EXTENSIONS.containsKey(lower)) {
            return NAME_PREFIX_EXTENSIONS.get(lower);
        }
        if (EXTENSION.matcher(prefix).matches() && prefix.length() <= 4) {
            return "." + lower;
        }
        return FALLBACK_EXTENSION;
    }
}
