package org.dmmigrate.emulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the media of one user folder of a backup for {@link FolderCatalog}. Not thread-safe;
 * used once.
 */
final class BackupFolderReader {

    private static final Logger LOG = LoggerFactory.getLogger(BackupFolderReader.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, Object>>>
            ASSETS = new TypeReference<>() { };

    private final Path userDir;

    private final String ownerId;

    private @Nullable Map<String, Path> scanned;

    BackupFolderReader(Path userDir, String ownerId) {
        this.userDir = userDir;
        this.ownerId = ownerId;
    }

    /** The path component the original tool made of a title or id. */
    static String valid(String component) {
        return component.replace("..", "__").replace("/", "__");
    }

    List<EmulatedMedia> media() {
        Path mediaJson = userDir.resolve("media.json");
        JsonNode list = readJson(mediaJson);
        if (!list.isArray()) {
            throw new IllegalArgumentException("media.json is not a JSON list: " + mediaJson);
        }

        List<EmulatedMedia> media = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode id = item.get("id");
            if (id == null || !id.isTextual()) {
                throw new IllegalArgumentException("media without an id in " + mediaJson);
            }
            JsonNode title = item.get("title");
            media.add(read(id.asText(), title == null || title.isNull() ? null : title.asText()));
        }
        return media;
    }

    private EmulatedMedia read(String id, @Nullable String title) {
        Map<String, Object> meta = title == null ? Map.of() : Map.of("title", title);
        Optional<Path> dir = mediaDir(id, title);
        if (dir.isEmpty()) {
            LOG.warn("found no assets.json user={} media={}", userDir.getFileName(), id);
            return new EmulatedMedia(id, ownerId, 0, meta, Map.of());
        }

        Path assetsJson = dir.get().resolve("assets.json");
        Map<String, EmulatedAsset> assets = new LinkedHashMap<>();
        long created = 0;
        for (var entry : readAssets(assetsJson).entrySet()) {
            Map<String, Object> properties = entry.getValue();
            properties.remove("download_url");
            properties.remove("stream_url");
            String name = entry.getKey();
            assets.put(name, new EmulatedAsset(name, Collections.unmodifiableMap(properties),
                    content(dir.get(), name, properties)));
            created = earliest(created, properties.get("created"));
        }
        return new EmulatedMedia(id, ownerId, created, meta, Collections.unmodifiableMap(assets));
    }

    private static long earliest(long soFar, @Nullable Object created) {
        if (!(created instanceof Number number)) {
            return soFar;
        }
        return soFar == 0 ? number.longValue() : Math.min(soFar, number.longValue());
    }

    private Optional<Path> mediaDir(String id, @Nullable String title) {
        Path expected = title == null || title.isEmpty()
                ? userDir.resolve(valid(id))
                : userDir.resolve(valid(title)).resolve(valid(id));
        if (Files.isRegularFile(expected.resolve("assets.json"))) {
            return Optional.of(expected);
        }
        return Optional.ofNullable(scan().get(id));
    }

    /** Media id to folder for every {@code <id>/assets.json} up to two levels down. */
    private Map<String, Path> scan() {
        if (scanned == null) {
            Map<String, Path> found = new HashMap<>();
            try (Stream<Path> files = Files.find(userDir, 3,
                    (path, attributes) -> path.getFileName().toString().equals("assets.json")
                            && attributes.isRegularFile())) {
                files.forEach(file -> found.putIfAbsent(
                        file.getParent().getFileName().toString(), file.getParent()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot scan user folder " + userDir, e);
            }
            scanned = found;
        }
        return scanned;
    }

    private static @Nullable Content content(Path dir, String name, Map<String, Object> props) {
        Optional<String> extension = AssetKinds.extensionOf(name, props);
        if (extension.isPresent()) {
            Path file = dir.resolve(valid(name + extension.get()));
            if (Files.isRegularFile(file)) {
                return new FileContent(file);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .filter(file -> file.getFileName().toString().startsWith(name + ".")
                            && Files.isRegularFile(file))
                    .sorted()
                    .findFirst()
                    .<Content>map(FileContent::new)
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list media folder " + dir, e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file
                    + "; fix or delete it (the backup tool rewrites it)", e);
        }
    }

    private static Map<String, LinkedHashMap<String, Object>> readAssets(Path file) {
        try {
            return JSON.readValue(file.toFile(), ASSETS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file
                    + " as a map of asset name to properties; fix or delete it", e);
        }
    }
}
