package org.dmmigrate.engine;

import java.nio.file.Path;

/**
 * What one migration does.
 *
 * @param source the backup folder (DST of dmdownload)
 * @param prefix the key prefix in the target, without slashes at its ends; empty for none
 * @param fake plan only: look at the target, write nothing
 * @param jobs requests in flight at once (whole objects and parts together)
 * @param minPartSize the smallest part of a multipart upload, and the size above which a
 *     file goes multipart
 */
public record MigrationOptions(Path source, String prefix, boolean fake, int jobs,
        long minPartSize) {

    /** The default smallest part, 8 MiB. */
    public static final long DEFAULT_MIN_PART = PartSizing.MIN_PART;
}
