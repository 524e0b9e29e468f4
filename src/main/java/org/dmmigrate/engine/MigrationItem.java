package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.Map;
import org.dmmigrate.target.ObjectKey;
import org.jspecify.annotations.Nullable;

/**
 * One file of the backup to put into the target.
 *
 * @param file the file, absolute
 * @param path its path relative to the backup, with {@code /}
 * @param key the object it becomes
 * @param size its size in bytes
 * @param md5 its MD5 from the manifest, or null for a sidecar (hashed when it is sent)
 * @param contentType the object's content type
 * @param metadata the object's user metadata, {@code source-md5} added when it is sent
 */
public record MigrationItem(Path file, String path, ObjectKey key, long size,
        @Nullable String md5, String contentType, Map<String, String> metadata) {

    /** Whether the manifest vouches for the bytes (an asset) or not (a sidecar). */
    public boolean verified() {
        return md5 != null;
    }
}
