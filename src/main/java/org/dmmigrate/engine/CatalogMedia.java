package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dmmigrate.model.Media;
import org.jspecify.annotations.Nullable;

/**
 * One media of a backup as the HTML catalog shows it.
 *
 * @param user the name of the user's folder in the backup (the username, made safe)
 * @param media the id and title recorded in the user's {@code media.json}
 * @param folder the media's folder in the backup
 * @param assets its assets, sorted by name; empty when it has no readable {@code assets.json}
 * @param problem why its assets are unknown (no or unreadable {@code assets.json}), or null
 */
public record CatalogMedia(String user, Media media, Path folder, List<CatalogAsset> assets,
        @Nullable String problem) {

    /** Renditions a browser prefers, best first; others follow, then the source. */
    private static final List<String> PLAYER_ORDER = List.of(
            "mp4_h264_aac_hq", "mp4_h264_aac", "mp4_h264_aac_hd", "mp4_h264_aac_ld");

    /** Thumbnails narrower than this look blurred in the index. */
    private static final int THUMBNAIL_WIDTH = 160;

    public CatalogMedia {
        assets = List.copyOf(assets);
    }

    /** The bytes of this media's files present in the backup. */
    public long presentBytes() {
        return assets.stream().mapToLong(a -> a.presentBytes().orElse(0)).sum();
    }

    /** The longest {@code duration} any asset gives, in seconds. */
    public OptionalLong durationSeconds() {
        OptionalLong longest = OptionalLong.empty();
        for (CatalogAsset asset : assets) {
            OptionalLong duration = asset.number("duration");
            if (duration.isPresent() && (longest.isEmpty()
                    || duration.getAsLong() > longest.getAsLong())) {
                longest = duration;
            }
        }
        return longest;
    }

    /**
     * The thumbnail for the index: the narrowest present {@code jpeg_thumbnail_*} at least
     * {@value #THUMBNAIL_WIDTH} pixels wide, else the widest present one.
     */
    public Optional<CatalogAsset> thumbnail() {
        List<CatalogAsset> thumbnails = assets.stream().filter(CatalogAsset::isThumbnail)
                .toList();
        Comparator<CatalogAsset> byWidth = Comparator.comparingLong(CatalogMedia::width);
        Optional<CatalogAsset> wideEnough = thumbnails.stream()
                .filter(a -> width(a) >= THUMBNAIL_WIDTH).min(byWidth);
        return wideEnough.isPresent() ? wideEnough : thumbnails.stream().max(byWidth);
    }

    /** The present MP4 files, in the order a player should try them: renditions first. */
    public List<CatalogAsset> playable() {
        return assets.stream().filter(CatalogAsset::isPlayable)
                .sorted(Comparator.comparingInt(CatalogMedia::playerRank)
                        .thenComparing(a -> a.asset().name()))
                .toList();
    }

    private static long width(CatalogAsset asset) {
        return asset.number("video_width").orElse(0);
    }

    private static int playerRank(CatalogAsset asset) {
        String name = asset.asset().name();
        int known = PLAYER_ORDER.indexOf(name);
        if (known >= 0) {
            return known;
        }
        return name.equals("source") ? PLAYER_ORDER.size() + 1 : PLAYER_ORDER.size();
    }
}
