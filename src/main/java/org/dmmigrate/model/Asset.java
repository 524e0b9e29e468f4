package org.dmmigrate.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One asset of a media as {@code media.get_assets} describes it: a name and its properties.
 *
 * <p>The properties are kept verbatim (they are written back to {@code assets.json}); the
 * accessors read the few the backup relies on and tolerate wrong types by answering empty.
 *
 * @param name the asset name, such as {@code source} or {@code jpeg_thumbnail_medium}
 * @param properties the asset's JSON object
 */
public record Asset(String name, Map<String, @Nullable Object> properties) {

    public Asset {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The {@code status}: {@code ready}, {@code pending}, {@code processing}, {@code error}. */
    public @Nullable String status() {
        return string("status");
    }

    /** The MediaInfo container name, such as {@code MPEG-4} or {@code JPEG}. */
    public @Nullable String container() {
        return string("container");
    }

    /** The source's file extension without a dot, such as {@code mp4}. */
    public @Nullable String fileExtension() {
        return string("file_extension");
    }

    /** The MD5 of the file in lowercase hex, given for sources. */
    public @Nullable String checksum() {
        return string("checksum");
    }

    public @Nullable String downloadUrl() {
        return string("download_url");
    }

    public @Nullable String streamUrl() {
        return string("stream_url");
    }

    /** The exact size of the file in bytes, when the service gave a whole number. */
    public OptionalLong fileSize() {
        Object value = properties.get("file_size");
        if ((value instanceof Long || value instanceof Integer)
                && ((Number) value).longValue() >= 0) {
            return OptionalLong.of(((Number) value).longValue());
        }
        return OptionalLong.empty();
    }

    private @Nullable String string(String key) {
        Object value = properties.get(key);
        return value instanceof String text ? text : null;
    }
}
