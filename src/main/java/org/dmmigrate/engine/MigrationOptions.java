package org.dmmigrate.engine;

import java.nio.file.Path;

/**
 * What one migration does.
 *
 * @param source the backup folder (DST of dmdownload)
 * @param prefix the key prefix in the target, without slashes at its ends; empty for none
 * @param fake plan only: look at the target, write nothing
 * @param jobs requests in flight at once (whole objects and parts together)
 * @param minPartSize the smallest part of a multipart upload
 * @param multipartAbove the size above which a file of the backup goes multipart (streamed
 *     assets go multipart above one part, so that buffers stay part-sized)
 * @param shard send only the media of this shard, its root sidecars under
 *     {@code shards/K-of-N/} ({@link Shard#ALL}: everything, as the backup lies)
 */
public record MigrationOptions(Path source, String prefix, boolean fake, int jobs,
        long minPartSize, long multipartAbove, Shard shard) {

    /** The default smallest part, 8 MiB. */
    public static final long DEFAULT_MIN_PART = PartSizing.MIN_PART;

    /**
     * The default threshold, 64 MiB: below it one PUT beats a multipart upload (fewer
     * requests, no server-side join), and files in parallel keep every job busy.
     */
    public static final long DEFAULT_MULTIPART_ABOVE = 64 * PartSizing.MIB;

    /** Options of an unsharded migration. */
    public MigrationOptions(Path source, String prefix, boolean fake, int jobs,
            long minPartSize, long multipartAbove) {
        this(source, prefix, fake, jobs, minPartSize, multipartAbove, Shard.ALL);
    }

    /** Options whose multipart threshold is the smallest part. */
    public MigrationOptions(Path source, String prefix, boolean fake, int jobs,
            long minPartSize) {
        this(source, prefix, fake, jobs, minPartSize, minPartSize);
    }
}
