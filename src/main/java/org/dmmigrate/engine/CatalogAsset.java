package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import org.dmmigrate.model.Asset;
import org.jspecify.annotations.Nullable;

/**
 * One asset of a media as the HTML catalog shows it: the listing's description, what the
 * backup does with it, and the file it has in the backup, if any.
 *
 * @param asset the asset as {@code assets.json} describes it
 * @param kind what the backup does with it
 * @param file where its file belongs in the backup; null for kinds that have no file
 * @param presentBytes the size of the file in the backup, empty when it is not there
 */
public record CatalogAsset(Asset asset, AssetKind kind, @Nullable Path file,
        OptionalLong presentBytes) {

    /** Whether the backup holds a file for this asset. */
    public boolean present() {
        return presentBytes.isPresent();
    }

    /** Whether this is a JPEG thumbnail ({@code jpeg_thumbnail_*}) with its file present. */
    public boolean isThumbnail() {
        return present() && asset.name().startsWith("jpeg_thumbnail_");
    }

    /** Whether a browser's {@code <video>} element can be given this file: MP4 and present. */
    public boolean isPlayable() {
        return present() && file != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4");
    }

    /** A whole-number property, such as {@code video_width}, or empty. */
    public OptionalLong number(String property) {
        Object value = asset.properties().get(property);
        if (value instanceof Number number && number.doubleValue() >= 0) {
            return OptionalLong.of(Math.round(number.doubleValue()));
        }
        return OptionalLong.empty();
    }
}
