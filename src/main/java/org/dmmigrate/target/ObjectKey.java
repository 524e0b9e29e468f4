package org.dmmigrate.target;

import java.nio.charset.StandardCharsets;

/**
 * The name of one object in a target, such as {@code backups/alice/Intro/4f.../source.mp4}:
 * names joined by {@code /}, no empty name, no {@code .} or {@code ..}, at most 1024 bytes of
 * UTF-8 (the S3 limit). Immutable.
 *
 * @param value the key, as sent to the store
 */
public record ObjectKey(String value) {

    /** The longest key S3-compatible stores accept, in bytes of UTF-8. */
    public static final int MAX_BYTES = 1024;

    public ObjectKey {
        if (value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("an object key must have 1 to " + MAX_BYTES
                    + " bytes of UTF-8, not '" + value + "'");
        }
        for (String name : value.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("the object key '" + value
                        + "' has an empty, '.' or '..' name between slashes");
            }
        }
    }

    /**
     * The key of {@code relative} under {@code prefix}; an empty prefix gives the relative
     * path itself. A trailing slash of the prefix is ignored.
     */
    public static ObjectKey under(String prefix, String relative) {
        String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return new ObjectKey(bare.isEmpty() ? relative : bare + "/" + relative);
    }

    /** The key's last name, such as {@code source.mp4}. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
