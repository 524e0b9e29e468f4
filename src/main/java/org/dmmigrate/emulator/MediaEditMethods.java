package org.dmmigrate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The changing media methods: {@code media.create}, {@code media.set_meta},
 * {@code media.remove_meta}, {@code media.set_assets}, {@code media.delete} and
 * {@code file.upload}. Changes go to the store's overlay, never to the catalog. Thread-safe.
 */
final class MediaEditMethods {

    private static final Map<String, String> CONTAINERS = Map.ofEntries(
            Map.entry("mp4", "MPEG-4"), Map.entry("m4v", "MPEG-4"), Map.entry("3gp", "MPEG-4"),
            Map.entry("mov", "QuickTime"), Map.entry("jpg", "JPEG"), Map.entry("jpeg", "JPEG"),
            Map.entry("mkv", "Matroska"), Map.entry("avi", "AVI"),
            Map.entry("flv", "Flash Video"), Map.entry("mpg", "MPEG-PS"),
            Map.entry("mpeg", "MPEG-PS"), Map.entry("wmv", "Windows Media"));

    private final EmulatorContext context;
    private final MediaMethods reader;

    MediaEditMethods(EmulatorContext context, MediaMethods reader) {
        this.context = context;
        this.reader = reader;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("media.create", this::create);
        methods.put("media.set_meta", this::setMeta);
        methods.put("media.remove_meta", this::removeMeta);
        methods.put("media.set_assets", this::setAssets);
        methods.put("media.delete", this::delete);
        methods.put("file.upload", this::upload);
    }

    private Object create(Caller caller, Args args) {
        args.allowOnly(Set.of("url", "assets_names", "meta", "asset_parameters"));
        String url = args.optionalString("url");
        List<String> names = args.optionalStrings("assets_names");
        Map<String, Object> meta = args.optionalObject("meta");
        args.optionalObject("asset_parameters");
        if (names != null && url == null) {
            throw args.invalid("assets_names requires url");
        }

        long now = context.nowSeconds();
        Map<String, EmulatedAsset> assets = new LinkedHashMap<>();
        if (url != null) {
            assets.put("source", source(url, now));
            for (String name : names == null ? List.<String>of() : names) {
                assets.putIfAbsent(name, pending(name));
            }
        }
        String id = context.store().create(caller.effective().id(), now,
                meta == null ? Map.of() : meta, assets);
        return Map.of("id", id);
    }

    private @Nullable Object setMeta(Caller caller, Args args) {
        args.allowOnly(Set.of("id", "meta"));
        String id = args.id("id");
        if (!args.has("meta")) {
            throw new ApiError(ApiError.MISSING_PARAMETER,
                    "Missing parameter 'meta' for media.set_meta");
        }
        Map<String, Object> meta = args.optionalObject("meta");

        context.store().mergeMeta(reader.owned(caller, id), meta == null ? Map.of() : meta);
        return null;
    }

    private @Nullable Object removeMeta(Caller caller, Args args) {
        args.allowOnly(Set.of("id", "keys"));
        String id = args.id("id");
        List<String> keys = args.optionalStrings("keys");
        if (keys == null) {
            throw new ApiError(ApiError.MISSING_PARAMETER,
                    "Missing parameter 'keys' for media.remove_meta");
        }

        context.store().removeMeta(reader.owned(caller, id), keys);
        return null;
    }

    private @Nullable Object setAssets(Caller caller, Args args) {
        args.allowOnly(Set.of("id", "assets"));
        String id = args.id("id");
        JsonNode list = args.node("assets");
        if (list == null) {
            throw new ApiError(ApiError.MISSING_PARAMETER,
                    "Missing parameter 'assets' for media.set_assets");
        }
        if (!list.isArray()) {
            throw args.invalid("assets must be a list of objects");
        }

        EmulatedMedia media = reader.owned(caller, id);
        Map<String, EmulatedAsset> changes = new LinkedHashMap<>();
        for (JsonNode entry : list) {
            JsonNode name = entry.get("name");
            JsonNode url = entry.get("url");
            if (!entry.isObject() || name == null || !name.isTextual()
                    || (url != null && !url.isTextual())) {
                throw args.invalid("each asset needs a string 'name' and an optional 'url'");
            }
            if (url != null) {
                changes.put(name.textValue(), source(url.textValue(), context.nowSeconds()));
            } else if (!media.assets().containsKey(name.textValue())) {
                changes.put(name.textValue(), pending(name.textValue()));
            }
        }
        context.store().putAssets(media, changes);
        return null;
    }

    private @Nullable Object delete(Caller caller, Args args) {
        args.allowOnly(Set.of("id"));
        EmulatedMedia media = reader.owned(caller, args.id("id"));
        context.store().delete(media.id());
        return null;
    }

    private Object upload(Caller caller, Args args) {
        args.allowOnly(Set.of("status", "jsonp_cb", "target"));
        args.optionalBoolean("status");
        args.optionalString("jsonp_cb");
        String target = args.optionalString("target");

        String uuid = context.seal("upload-" + System.nanoTime() + "-" + caller.effective().id());
        String url = context.baseUrl() + "/upload?uuid=" + uuid + "&seal=" + context.seal(uuid)
                + (target == null ? "" : "&target="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8));
        return Map.of("url", url);
    }

    /** A ready source from an upload of this emulator, else an error (nothing is fetched). */
    private EmulatedAsset source(String url, long now) {
        Upload upload = context.store().upload(url);
        if (upload == null) {
            return new EmulatedAsset("source", Map.of("status", "error"), null);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", "ready");
        String container = CONTAINERS.get(upload.extension().toLowerCase(Locale.ROOT));
        if (container != null) {
            properties.put("container", container);
        }
        properties.put("file_extension", upload.extension().isEmpty() ? "dat"
                : upload.extension());
        properties.put("checksum", upload.content().md5());
        properties.put("created", now);
        properties.put("file_size", upload.content().length());
        return new EmulatedAsset("source", properties, upload.content());
    }

    private static EmulatedAsset pending(String name) {
        return new EmulatedAsset(name, Map.of("status", "pending"), null);
    }
}
