package org.dmmigrate.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders media and assets as the API returns them, adding freshly signed {@code download_url}
 * and {@code stream_url} to every asset that has content. Thread-safe.
 */
final class MediaView {

    private final String baseUrl;
    private final MediaStore store;
    private final UrlSignature signer;
    private final Clock clock;
    private final Duration downloadTtl;

    MediaView(String baseUrl, MediaStore store, UrlSignature signer, Clock clock,
            Duration downloadTtl) {
        this.baseUrl = baseUrl;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
        this.downloadTtl = downloadTtl;
    }

    /** id, created, meta and assets without URLs: what filters and sorts look at. */
    Map<String, Object> plain(EmulatedMedia media) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", media.id());
        out.put("created", media.created());
        out.put("meta", new LinkedHashMap<>(media.meta()));
        Map<String, Object> assets = new LinkedHashMap<>();
        for (EmulatedAsset asset : media.assets().values()) {
            assets.put(asset.name(), new LinkedHashMap<>(asset.properties()));
        }
        out.put("assets", assets);
        return out;
    }

    /** Like {@link #plain} with signed URLs in the assets. */
    Map<String, Object> full(EmulatedMedia media) {
        Map<String, Object> out = plain(media);
        out.put("assets", assets(media, null));
        return out;
    }

    /** The {@code media.get_assets} result: the named assets (all when null) with URLs. */
    Map<String, Object> assets(EmulatedMedia media, @Nullable List<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (EmulatedAsset asset : media.assets().values()) {
            if (names == null || names.contains(asset.name())) {
                out.put(asset.name(), withUrls(media, asset));
            }
        }
        return out;
    }

    private Map<String, Object> withUrls(EmulatedMedia media, EmulatedAsset asset) {
        Map<String, Object> properties = new LinkedHashMap<>(asset.properties());
        if (asset.content() == null) {
            return properties;
        }
        String owner = media.ownerId();
        String file = fileName(media, asset);
        if (isThumbnail(asset)) {
            properties.put("stream_url", baseUrl + "/static/" + owner + "/" + media.id() + "/"
                    + file);
            return properties;
        }
        String secret = store.user(owner).map(EmulatedUser::apiKey).orElse("");
        long expires = clock.instant().plus(downloadTtl).getEpochSecond();
        String download = baseUrl + "/route/http/" + owner + "/" + media.id() + "/" + file
                + "?filename=" + URLEncoder.encode(downloadName(media, file),
                        StandardCharsets.UTF_8);
        properties.put("download_url", signer.sign(download, secret, expires));
        if (!asset.name().equals("source")) {
            String stream = baseUrl + "/route/" + owner + "/" + media.id() + "/" + file;
            properties.put("stream_url", signer.sign(stream, secret, expires));
        }
        return properties;
    }

    /** {@code <asset>-<version>.<ext>}, the last path segment of the asset's CDN URLs. */
    static String fileName(EmulatedMedia media, EmulatedAsset asset) {
        return asset.name() + "-" + version(media, asset) + "." + extension(asset);
    }

    static long version(EmulatedMedia media, EmulatedAsset asset) {
        Object created = asset.properties().get("created");
        long base = created instanceof Number number ? number.longValue() : media.created();
        int revision = asset.content() instanceof RevisedContent revised
                ? revised.revision() : 0;
        return base + revision;
    }

    static String extension(EmulatedAsset asset) {
        if (isThumbnail(asset)) {
            return "jpeg";
        }
        Object extension = asset.properties().get("file_extension");
        if (asset.name().equals("source")) {
            return extension instanceof String text && !text.isEmpty() ? text : "dat";
        }
        int underscore = asset.name().indexOf('_');
        return underscore > 0 ? asset.name().substring(0, underscore) : asset.name();
    }

    static boolean isThumbnail(EmulatedAsset asset) {
        Object container = asset.properties().get("container");
        return "JPEG".equals(container)
                || (container == null && asset.name().startsWith("jpeg_"));
    }

    static String contentType(EmulatedAsset asset) {
        if (isThumbnail(asset)) {
            return "image/jpeg";
        }
        Object container = asset.properties().get("container");
        if ("MPEG-4".equals(container) || extension(asset).equals("mp4")) {
            return "video/mp4";
        }
        return "application/octet-stream";
    }

    private static String downloadName(EmulatedMedia media, String file) {
        Object title = media.meta().get("title");
        String stem = title instanceof String text && !text.isBlank() ? text : media.id();
        StringBuilder slug = new StringBuilder();
        for (char c : stem.toLowerCase(Locale.ROOT).toCharArray()) {
            slug.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return slug + "-" + file;
    }
}
