package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A media's {@code assets.json}: the {@code media.get_assets} result, verbatim.
 *
 * <p>Signed links change on every call, so the file is rewritten only when something other
 * than a link changed; links read from it are never trusted to work.
 */
final class AssetsFile {

    private static final Set<String> LINKS = Set.of("download_url", "stream_url");

    private AssetsFile() {
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, @Nullable Object>> read(Path file) throws IOException {
        Optional<@Nullable Object> tree = BackupJson.read(file);
        if (tree.isPresent() && tree.get() instanceof Map<?, ?> map) {
            return Optional.of((Map<String, @Nullable Object>) map);
        }
        return Optional.empty();
    }

    /** Writes the listing unless the file already says the same, links aside. */
    static void write(Path file, Map<String, @Nullable Object> assets) throws IOException {
        Optional<Map<String, @Nullable Object>> earlier;
        try {
            earlier = read(file);
        } catch (IOException unreadable) {
            earlier = Optional.empty();
        }
        if (earlier.isPresent() && Objects.equals(withoutLinks(earlier.get()),
                withoutLinks(assets))) {
            return;
        }
        BackupJson.writeVolatile(file, assets);
    }

    private static Map<String, @Nullable Object> withoutLinks(Map<String, @Nullable Object> all) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (value instanceof Map<?, ?> properties) {
                Map<Object, @Nullable Object> kept = new LinkedHashMap<>(properties);
                kept.keySet().removeAll(LINKS);
                copy.put(name, kept);
            } else {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
