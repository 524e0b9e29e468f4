package org.dmmigrate.protocol.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The shared protocol vectors (dmcloud-api-vectors.json), decoded by our own JsonCodec. */
final class Vectors {

    private static final String RESOURCE = "/org/dmmigrate/protocol/dmcloud-api-vectors.json";

    private Vectors() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, @Nullable Object>> section(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, RESOURCE);
            Map<String, Object> all = (Map<String, Object>) new JsonCodec().decode(
                    in.readAllBytes());
            return (List<Map<String, @Nullable Object>>) Objects.requireNonNull(all.get(name),
                    name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Map<String, @Nullable Object> vector, String key) {
        return (String) Objects.requireNonNull(vector.get(key), key);
    }
}
