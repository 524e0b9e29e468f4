package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
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
        if (!Files.isRegularFile(part)) {
            return Optional.empty();
        }
        Optional<@Nullable Object> saved = BackupJson.read(state);
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

    /** Records which content the bytes about to be written belong to. */
    void begin(@Nullable String etag, long expectedSize) throws IOException {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("etag", etag);
        fields.put("size", expectedSize);
        AtomicFiles.write(state, BackupJson.format(fields));
    }

    /** Removes the partial file and its state. */
    void discard() throws IOException {
        Files.deleteIfExists(part);
        Files.deleteIfExists(state);
    }

    /** Renames the verified partial file to its final name, then drops the state. */
    void promote(Path target) throws IOException {
        AtomicFiles.moveDurably(part, target);
        Files.deleteIfExists(state);
    }

    /** Where a resumed transfer starts. */
    record Resume(long length, String etag) {
    }
}
