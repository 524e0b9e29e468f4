package org.dmmigrate.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds entries in a {@code MANIFEST.tsv} sorted by path without loading it: the path and
 * offset of every {@value #STRIDE}th row stay in memory, and a lookup reads the one stretch
 * of the file between two of them. A few kilobytes per thousand entries.
 *
 * <p>Thread-safe: lookups read with positional reads on one shared channel.
 */
final class ManifestIndex implements Closeable {

    /** Rows between two remembered ones. */
    static final int STRIDE = 64;

    private final @Nullable FileChannel channel;
    private final String[] paths;
    private final long[] offsets;
    private final long end;
    private final long size;
    private final boolean sorted;
    private final int skipped;

    private ManifestIndex(@Nullable FileChannel channel, String[] paths, long[] offsets,
            long end, long size, boolean sorted, int skipped) {
        this.channel = channel;
        this.paths = paths;
        this.offsets = offsets;
        this.end = end;
        this.size = size;
        this.sorted = sorted;
        this.skipped = skipped;
    }

    /** The index of an empty manifest. */
    static ManifestIndex empty() {
        return new ManifestIndex(null, new String[0], new long[0], 0, 0, true, 0);
    }

    /**
     * Reads {@code file} once, remembering every {@value #STRIDE}th row and checking that
     * the paths are strictly increasing; a missing file is an empty manifest.
     */
    static ManifestIndex build(Path file) throws IOException {
        ManifestReader.requireRegularFile(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return empty();
        }
        List<String> paths = new ArrayList<>();
        long[] offsets = new long[16];
        long size = 0;
        boolean sorted = true;
        String previous = null;
        long end = channel.size();
        try (ManifestReader reader = ManifestReader.slice(channel, 0, end)) {
            for (ManifestReader.Row row = reader.next(); row != null; row = reader.next()) {
                String path = row.entry().path();
                if (previous != null && previous.compareTo(path) >= 0) {
                    sorted = false;
                }
                if (size % STRIDE == 0) {
                    if (paths.size() == offsets.length) {
                        offsets = Arrays.copyOf(offsets, offsets.length * 2);
                    }
                    offsets[paths.size()] = row.offset();
                    paths.add(path);
                }
                previous = path;
                size++;
            }
            return new ManifestIndex(channel, paths.toArray(String[]::new),
                    Arrays.copyOf(offsets, paths.size()), end, size, sorted, reader.skipped());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The number of readable rows. */
    long size() {
        return size;
    }

    /** Whether the rows were sorted by path with no path twice, so lookups can be trusted. */
    boolean sorted() {
        return sorted;
    }

    /** Rows skipped as torn or unreadable. */
    int skipped() {
        return skipped;
    }

    /** The entry for {@code path}; only meaningful when {@link #sorted()}. */
    Optional<Manifest.Entry> find(String path) throws IOException {
        int at = Arrays.binarySearch(paths, path);
        int block = at >= 0 ? at : -at - 2;
        if (block < 0 || channel == null) {
            return Optional.empty();
        }
        long stop = block + 1 < offsets.length ? offsets[block + 1] : end;
        try (ManifestReader reader = ManifestReader.slice(channel, offsets[block], stop)) {
            return Optional.ofNullable(reader.find(path));
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
