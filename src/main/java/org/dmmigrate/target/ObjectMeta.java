package org.dmmigrate.target;

import java.util.Map;

/**
 * What an object carries beside its bytes.
 *
 * @param contentType its media type, such as {@code video/mp4}
 * @param metadata user metadata: lowercase ASCII names and printable ASCII values (S3 sends
 *     them as HTTP headers), encoded by the caller
 */
public record ObjectMeta(String contentType, Map<String, String> metadata) {

    public ObjectMeta {
        metadata = Map.copyOf(metadata);
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (!entry.getKey().matches("[a-z0-9-]+") || !entry.getValue().matches("[ -~]*")) {
                throw new IllegalArgumentException("user metadata must be lowercase names "
                        + "and printable ASCII values, not " + entry.getKey());
            }
        }
    }
}
