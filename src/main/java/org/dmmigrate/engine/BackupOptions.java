package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one backup run is asked to do.
 *
 * @param root the backup folder, DST
 * @param username back up only this user, or null for all
 * @param mediaIds back up only these media, or null for all
 * @param fake list and plan, record the listings, but download nothing
 * @param jobs the most downloads in flight at once
 * @param shard back up only the media of this shard ({@link Shard#ALL} for all)
 * @param secondRead whether a file with nothing to check its bytes against is read twice
 */
public record BackupOptions(Path root, @Nullable String username, @Nullable Set<String> mediaIds,
        boolean fake, int jobs, Shard shard, boolean secondRead) {

    /** Options for one shard, files that cannot be checked read twice. */
    public BackupOptions(Path root, @Nullable String username, @Nullable Set<String> mediaIds,
            boolean fake, int jobs, Shard shard) {
        this(root, username, mediaIds, fake, jobs, shard, true);
    }

    public BackupOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
        mediaIds = mediaIds == null ? null : Set.copyOf(mediaIds);
    }
}
