package org.dmmigrate.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the assets of the sample organisation with truthful properties: sizes, checksums and
 * technical values come from the committed files themselves.
 *
 * <p>Stateless and thread-safe.
 */
final class SampleAssets {

    private SampleAssets() {
    }

    /** A ready source uploaded with {@code extension} (without dot), with its MD5. */
    static EmulatedAsset source(SampleFile file, String extension, long created) {
        ResourceContent content = file.content();
        Map<String, Object> properties = fileProperties(file, content, created);
        properties.put("file_extension", extension);
        properties.put("checksum", content.md5());
        return new EmulatedAsset(AssetKinds.SOURCE, freeze(properties), content);
    }

    /** A ready transcoded video or thumbnail. */
    static EmulatedAsset rendition(String name, SampleFile file, long created) {
        ResourceContent content = file.content();
        return new EmulatedAsset(name, freeze(fileProperties(file, content, created)), content);
    }

    /** An asset with only a status ({@code error}, {@code processing}, {@code pending}). */
    static EmulatedAsset status(String name, String status) {
        return new EmulatedAsset(name, Map.of("status", status), null);
    }

    /** A ready stream asset with no file ({@code abs}, {@code abs_pr}). */
    static EmulatedAsset stream(String name, long created) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", "ready");
        properties.put("created", created);
        return new EmulatedAsset(name, freeze(properties), null);
    }

    /** A live asset, whose only known property is its status. */
    static EmulatedAsset live() {
        return status("live", "ready");
    }

    private static Map<String, Object> fileProperties(SampleFile file, ResourceContent content,
            long created) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", "ready");
        properties.put("container", file.container);
        properties.put("created", created);
        properties.put("file_size", content.length());
        if (file.duration > 0) {
            properties.put("duration", file.duration);
            properties.put("global_bitrate", content.length() * 8 / file.duration);
        }
        properties.put("video_codec", file.videoCodec);
        properties.put("video_width", file.width);
        properties.put("video_height", file.height);
        if (file.audioCodec != null) {
            properties.put("audio_codec", file.audioCodec);
            properties.put("audio_nbr_channel", 1);
            properties.put("audio_samplerate", 44100);
        }
        return properties;
    }

    private static Map<String, Object> freeze(Map<String, Object> properties) {
        return Collections.unmodifiableMap(properties);
    }
}
