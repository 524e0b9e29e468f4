package org.dmmigrate.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of a manifest file ({@code MANIFEST.tsv}, the journal, a merge run) in
 * order, each with the byte offset where it starts, without holding more than one buffer.
 * A row that is torn (no final newline), not UTF-8 or not a valid entry is counted and
 * skipped, never fatal. Not thread-safe.
 */
final class ManifestReader implements Closeable {

    /** A readable row: its entry and the offset of its first byte in the file. */
    record Row(Manifest.Entry entry, long offset) {
    }

    /** Rows longer than this are damage, not entries; they are skipped. */
    private static final int MAX_ROW_BYTES = 256 * 1024;

    private final FileChannel channel;
    private final boolean ownsChannel;
    private final long end;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] row = new byte[1024];
    private long position;
    private int skipped;

    private ManifestReader(FileChannel channel, boolean ownsChannel, long start, long end) {
        this.channel = channel;
        this.ownsChannel = ownsChannel;
        this.position = start;
        this.end = end;
        buffer.limit(0);
    }

    /** A reader of the whole file. */
    static ManifestReader open(Path file) throws IOException {
        requireRegularFile(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new ManifestReader(channel, true, 0, Long.MAX_VALUE);
    }

    /** A reader of the bytes {@code [start, end)} of an open channel, which it does not own. */
    static ManifestReader slice(FileChannel channel, long start, long end) {
        return new ManifestReader(channel, false, start, end);
    }

    /**
     * The next row whose path is {@code path}, reading on while the paths are smaller; null
     * at the first larger path or at the end. Only the matching row is parsed whole.
     */
    Manifest.@Nullable Entry find(String path) throws IOException {
        while (true) {
            int length = readRow();
            if (length < 0) {
                return null;
            }
            Optional<String> text = length > MAX_ROW_BYTES ? Optional.empty() : decode(length);
            if (text.isEmpty()) {
                continue;
            }
            int order = ManifestLines.pathOf(text.get()).compareTo(path);
            if (order == 0) {
                Optional<Manifest.Entry> entry = ManifestLines.parse(text.get());
                if (entry.isPresent()) {
                    return entry.get();
                }
            } else if (order > 0 && ManifestLines.parse(text.get()).isPresent()) {
                // Only a readable row proves the path is not further on: a damaged row's
                // path may be anything.
                return null;
            }
        }
    }

    /**
     * Refuses a manifest file that is not a regular file (a folder, a FIFO that would block
     * forever); a missing one is left to the caller.
     */
    static void requireRegularFile(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file; move it aside and rerun "
                    + "(the manifest is rebuilt by hashing the files)");
        }
    }

    /** The next readable row, or null at the end. */
    @Nullable Row next() throws IOException {
        while (true) {
            long offset = position;
            int length = readRow();
            if (length < 0) {
                return null;
            }
            if (length > MAX_ROW_BYTES) {
                skipped++;
                continue;
            }
            Optional<Manifest.Entry> entry = decode(length).flatMap(ManifestLines::parse);
            if (entry.isPresent()) {
                return new Row(entry.get(), offset);
            }
            if (length == 0 || !isHeader(length)) {
                skipped++;
            }
        }
    }

    /** Rows skipped so far as torn or unreadable. */
    int skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }

    /**
     * Reads up to and including the next newline into {@link #row}; returns the row's length
     * without the newline, or -1 at the end. A torn last row counts as skipped.
     */
    private int readRow() throws IOException {
        int length = 0;
        while (true) {
            if (!buffer.hasRemaining() && !fill()) {
                if (length > 0) {
                    skipped++;
                }
                return -1;
            }
            byte b = buffer.get();
            position++;
            if (b == '\n') {
                return length;
            }
            if (length < MAX_ROW_BYTES + 1) {
                if (length == row.length) {
                    row = Arrays.copyOf(row, row.length * 2);
                }
                row[length] = b;
            }
            length++;
        }
    }

    private boolean fill() throws IOException {
        buffer.clear();
        long left = end - position;
        if (left <= 0) {
            buffer.limit(0);
            return false;
        }
        if (left < buffer.capacity()) {
            buffer.limit((int) left);
        }
        int read = channel.read(buffer, position);
        buffer.flip();
        return read > 0;
    }

    /** The row as text; a carriage return before the newline (an editor's CRLF) is dropped. */
    private Optional<String> decode(int length) {
        int end = length > 0 && row[length - 1] == '\r' ? length - 1 : length;
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(row, 0, end));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private boolean isHeader(int length) {
        return decode(length).filter(ManifestLines.HEADER::equals).isPresent();
    }
}
