package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmmigrate.model.Media;
import org.jspecify.annotations.Nullable;

/**
 * A user's {@code media.json}: the list of {@code {"id", "title"}} of every media the backup
 * knows for that user.
 *
 * <p>Merging keeps what earlier runs (ours or the original tool's) recorded: a media the
 * service no longer lists stays, so its files stay reachable; a media keeps the title it was
 * first recorded with, so its folder never moves.
 */
final class MediaListing {

    private MediaListing() {
    }

    /** The media recorded in a {@code media.json}, empty when there is none. */
    static List<Media> read(Path file) throws IOException {
        Optional<@Nullable Object> tree = BackupJson.read(file);
        if (tree.isEmpty()) {
            return List.of();
        }
        if (!(tree.get() instanceof List<?> items)) {
            throw new IOException(file + " is not a JSON list of media; move it aside and "
                    + "rerun to list the media again");
        }
        List<Media> media = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> fields && fields.get("id") instanceof String id) {
                Object title = fields.get("title");
                media.add(new Media(id, title instanceof String text ? text : null));
            }
        }
        return media;
    }

    /** The service's listing, with earlier titles kept and unlisted earlier media appended. */
    static List<Media> merge(List<Media> recorded, List<Media> listed) {
        Map<String, Media> earlier = new LinkedHashMap<>();
        for (Media media : recorded) {
            earlier.putIfAbsent(media.id(), media);
        }
        Map<String, Media> merged = new LinkedHashMap<>();
        for (Media media : listed) {
            merged.putIfAbsent(media.id(), earlier.getOrDefault(media.id(), media));
        }
        for (Media media : earlier.values()) {
            merged.putIfAbsent(media.id(), media);
        }
        return new ArrayList<>(merged.values());
    }

    /** The JSON tree of a {@code media.json}. */
    static List<Map<String, @Nullable Object>> tree(List<Media> media) {
        List<Map<String, @Nullable Object>> items = new ArrayList<>(media.size());
        for (Media entry : media) {
            Map<String, @Nullable Object> item = new LinkedHashMap<>();
            item.put("id", entry.id());
            item.put("title", entry.title());
            items.add(item);
        }
        return items;
    }
}
