package org.dmmigrate.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds one media of a {@link SyntheticCatalog} from its indexes; stateless. */
final class SyntheticMedia {

    private static final int DURATION = 60;

    private SyntheticMedia() {
    }

    static EmulatedMedia build(SyntheticCatalog catalog, int user, int media) {
        SyntheticSpec spec = catalog.spec();
        String id = catalog.mediaId(user, media);
        long created = SyntheticCatalog.NEWEST_CREATED - media * 600L;

        Map<String, EmulatedAsset> assets = new LinkedHashMap<>();
        GeneratedContent source = content(spec, id, AssetKinds.SOURCE, spec.sourceBytes());
        Map<String, Object> sourceProperties = video(source, created + 30);
        sourceProperties.put("file_extension", "mp4");
        assets.put(AssetKinds.SOURCE, new EmulatedAsset(AssetKinds.SOURCE,
                spec.sourceBytes() <= SyntheticCatalog.MAX_CHECKSUM_BYTES
                        ? new ChecksumProperties(sourceProperties,
                                () -> catalog.checksum(id, source))
                        : Collections.unmodifiableMap(sourceProperties),
                source));

        String rendition = "mp4_h264_aac";
        GeneratedContent video = content(spec, id, rendition, spec.renditionBytes());
        assets.put(rendition, new EmulatedAsset(rendition,
                Collections.unmodifiableMap(video(video, created + 300)), video));

        String thumbnail = "jpeg_thumbnail_small";
        GeneratedContent picture = content(spec, id, thumbnail, SyntheticCatalog.THUMBNAIL_BYTES);
        assets.put(thumbnail, new EmulatedAsset(thumbnail,
                Collections.unmodifiableMap(picture(picture, created + 60)), picture));

        Map<String, Object> meta = Map.of("title",
                "Synthetic media " + (spec.mediaPerUser() * (long) user + media + 1));
        return new EmulatedMedia(id, catalog.user(user).id(), created, meta,
                Collections.unmodifiableMap(assets));
    }

    private static GeneratedContent content(SyntheticSpec spec, String id, String name,
            long length) {
        return new GeneratedContent(spec.seed(), id, name, length);
    }

    private static Map<String, Object> video(GeneratedContent content, long created) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", "ready");
        properties.put("container", "MPEG-4");
        properties.put("created", created);
        properties.put("file_size", content.length());
        properties.put("duration", DURATION);
        properties.put("global_bitrate", content.length() * 8 / DURATION);
        properties.put("video_codec", "AVC");
        properties.put("video_width", 512);
        properties.put("video_height", 288);
        properties.put("audio_codec", "AAC LC");
        return properties;
    }

    private static Map<String, Object> picture(GeneratedContent content, long created) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", "ready");
        properties.put("container", "JPEG");
        properties.put("created", created);
        properties.put("file_size", content.length());
        properties.put("video_codec", "JPEG");
        properties.put("video_width", 80);
        properties.put("video_height", 60);
        return properties;
    }
}
