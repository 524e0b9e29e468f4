package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The partial file beside a target ({@code <file>.part}) and its state
 * ({@code <file>.part-state}: the ETag and size the bytes belong to). Bytes are resumed only
 * when the state says which content they are from; otherwise they are discarded.
 *
 * <p>Not thread-safe: one transfer owns one partial file.
 */
final class PartialFile {

    static final String STATE_SUFFIX = ".part-state";

    /** The smallest file worth resuming; smaller partial files are fetched again. */
    static final long RESUME_MIN_BYTES = 256 * 1024;

    private final Path part;
    private final Path state;

    PartialFile(Path target) {
        this.part = BackupLayout.partFile(target);
        this.state = target.resolveSibling(target.getFileName() + STATE_SUFFIX);
    }

    Path path() {
        return part;
    }

    /**
     * The resumable length and the ETag it was fetched under, or empty when the bytes must
     * be fetched from the start (no state, another size, no ETag).
     */
    Optional<Resume> resumable(long expectedSize) throws IOException {
        if (Files.isSymbolicLink(part) || Files.isSymbolicLink(state)) {
            // Never write through a link: it could point outside the backup.
            discard();
            return Optional.empty();
        }
        if (!Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Optional<@Nullable Object> saved;
        try {
            saved = BackupJson.read(state);
        } catch (IOException torn) {
            // Written without fsync (see begin): after a crash it may be empty; start over.
            return Optional.empty();
        }
        if (saved.isEmpty() || !(saved.get() instanceof Map<?, ?> fields)) {
            return Optional.empty();
        }
        Object etag = fields.get("etag");
        Object size = fields.get("size");
        long length = Files.size(part);
        if (!(etag instanceof String tag) || !(size instanceof Number number)
                || number.longValue() != expectedSize || length > expectedSize) {
            return Optional.empty();
        }
        return Optional.of(new Resume(length, tag));
    }

    /**
     * Records which content the bytes about to be written belong to; files under
     * {@link #RESUME_MIN_BYTES} get no state (refetching them is cheaper than one more file
     * per asset). Not synced: losing the state only costs a refetch.
     */
    void begin(@Nullable String etag, long expectedSize) throws IOException {
        if (expectedSize >= 0 && expectedSize < RESUME_MIN_BYTES) {
            Files.deleteIfExists(state);
            return;
        }
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("etag", etag);
        fields.put("size", expectedSize);
        AtomicFiles.writeVolatile(state, BackupJson.format(fields));
    }

    /** Removes the partial file and its state. */
    void discard() throws IOException {
        Files.deleteIfExists(part);
        Files.deleteIfExists(state);
    }

    /** Renames the verified partial file to its final name, then drops the state. */
    void promote(Path target) throws IOException {
        AtomicFiles.moveAtomically(part, target);
        Files.deleteIfExists(state);
    }

    /** Where a resumed transfer starts. */
    record Resume(long length, String etag) {
    }
}
