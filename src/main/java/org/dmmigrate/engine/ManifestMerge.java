package org.dmmigrate.engine;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code MANIFEST.tsv}, {@code SHA256SUMS} and {@code MD5SUMS} from manifest files
 * of any size in bounded memory: unsorted sources are sorted {@value #CHUNK} entries at a
 * time into run files in DST, then every source and run is merged in one pass. For a path
 * found in several sources the entry of the latest source wins, and within one source the
 * latest row. Not thread-safe; the caller holds the manifest's lock.
 */
final class ManifestMerge {

    /** A file of manifest rows; {@code sorted} when its paths are known strictly increasing. */
    record Source(Path file, boolean sorted) {
    }

    /** Entries sorted in memory at once. */
    static final int CHUNK = 10_000;

    /** The prefix of the run files; a crash may leave some, which the next merge deletes. */
    static final String RUN_PREFIX = ".dmmigrate-merge-";

    private static final Comparator<Cursor> ORDER = Comparator
            .comparing((Cursor cursor) -> cursor.current().path())
            .thenComparing(Comparator.comparingInt(Cursor::rank).reversed());

    private final Path root;
    private final List<Path> runs = new ArrayList<>();

    ManifestMerge(Path root) {
        this.root = root;
    }

    /**
     * Merges {@code sources}, in increasing precedence, into the three files, each replaced
     * atomically and durably.
     *
     * @return the number of entries written
     */
    long merge(List<Source> sources) throws IOException {
        deleteRuns();
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (Source source : sources) {
                if (source.sorted()) {
                    open(source.file(), cursors);
                } else {
                    for (Path run : sortIntoRuns(source.file())) {
                        open(run, cursors);
                    }
                }
            }
            return write(cursors);
        } finally {
            for (Cursor cursor : cursors) {
                cursor.close();
            }
            deleteRuns();
        }
    }

    private void open(Path file, List<Cursor> cursors) throws IOException {
        ManifestReader reader;
        try {
            reader = ManifestReader.open(file);
        } catch (NoSuchFileException e) {
            return;
        }
        cursors.add(new Cursor(reader, cursors.size()));
    }

    private List<Path> sortIntoRuns(Path file) throws IOException {
        List<Path> written = new ArrayList<>();
        Map<String, Manifest.Entry> chunk = new HashMap<>();
        try (ManifestReader reader = ManifestReader.open(file)) {
            for (ManifestReader.Row row = reader.next(); row != null; row = reader.next()) {
                chunk.put(row.entry().path(), row.entry());
                if (chunk.size() == CHUNK) {
                    written.add(writeRun(chunk));
                    chunk.clear();
                }
            }
        } catch (NoSuchFileException e) {
            return written;
        }
        if (!chunk.isEmpty()) {
            written.add(writeRun(chunk));
        }
        return written;
    }

    private Path writeRun(Map<String, Manifest.Entry> chunk) throws IOException {
        Path run = root.resolve(RUN_PREFIX + runs.size() + AtomicFiles.TEMP_SUFFIX);
        runs.add(run);
        List<Manifest.Entry> sorted = new ArrayList<>(chunk.values());
        sorted.sort(Comparator.comparing(Manifest.Entry::path));
        try (Writer out = writer(run, false)) {
            for (Manifest.Entry entry : sorted) {
                out.write(ManifestLines.row(entry));
                out.write('\n');
            }
        }
        return run;
    }

    private long write(List<Cursor> cursors) throws IOException {
        Path table = temp(Manifest.FILE_NAME);
        Path sha256 = temp(Manifest.SHA256SUMS);
        Path md5 = temp(Manifest.MD5SUMS);
        long written;
        try {
            written = writeAll(cursors, table, sha256, md5);
        } catch (IOException | RuntimeException e) {
            // A full disk, say: the old files stay as they were, and no half-written copy.
            Files.deleteIfExists(table);
            Files.deleteIfExists(sha256);
            Files.deleteIfExists(md5);
            throw e;
        }
        AtomicFiles.moveAtomically(sha256, root.resolve(Manifest.SHA256SUMS));
        AtomicFiles.moveAtomically(md5, root.resolve(Manifest.MD5SUMS));
        AtomicFiles.moveDurably(table, root.resolve(Manifest.FILE_NAME));
        return written;
    }

    private long writeAll(List<Cursor> cursors, Path table, Path sha256, Path md5)
            throws IOException {
        long written = 0;
        try (Writer tableOut = writer(table, true); Writer sha256Out = writer(sha256, true);
                Writer md5Out = writer(md5, true)) {
            tableOut.write(ManifestLines.HEADER);
            tableOut.write('\n');
            PriorityQueue<Cursor> queue = new PriorityQueue<>(Math.max(1, cursors.size()),
                    ORDER);
            for (Cursor cursor : cursors) {
                if (cursor.advance()) {
                    queue.add(cursor);
                }
            }
            while (!queue.isEmpty()) {
                Cursor head = queue.poll();
                Manifest.Entry winner = head.current();
                requeue(queue, head);
                while (!queue.isEmpty() && queue.peek().current().path().equals(winner.path())) {
                    requeue(queue, queue.poll());
                }
                tableOut.write(ManifestLines.row(winner));
                tableOut.write('\n');
                sha256Out.write(ManifestLines.sumLine(winner.sha256(), winner.path()));
                sha256Out.write('\n');
                md5Out.write(ManifestLines.sumLine(winner.md5(), winner.path()));
                md5Out.write('\n');
                written++;
            }
        }
        return written;
    }

    private static void requeue(PriorityQueue<Cursor> queue, Cursor cursor) throws IOException {
        if (cursor.advance()) {
            queue.add(cursor);
        }
    }

    private Path temp(String name) {
        return root.resolve(name + AtomicFiles.TEMP_SUFFIX);
    }

    /** A buffered UTF-8 writer of a new file that, when {@code durable}, is synced on close. */
    private static Writer writer(Path file, boolean durable) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        Writer out = new OutputStreamWriter(Channels.newOutputStream(channel),
                StandardCharsets.UTF_8);
        return new BufferedWriter(out, 64 * 1024) {
            @Override
            public void close() throws IOException {
                try {
                    flush();
                    if (durable) {
                        channel.force(true);
                    }
                } finally {
                    super.close();
                }
            }
        };
    }

    private void deleteRuns() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(root,
                RUN_PREFIX + "*" + AtomicFiles.TEMP_SUFFIX)) {
            for (Path run : stale) {
                Files.deleteIfExists(run);
            }
        }
    }

    /** One sorted source being merged; its rank orders sources of equal paths. */
    private static final class Cursor implements Closeable {

        private final ManifestReader reader;
        private final int rank;
        private Manifest.@Nullable Entry current;

        Cursor(ManifestReader reader, int rank) {
            this.reader = reader;
            this.rank = rank;
        }

        int rank() {
            return rank;
        }

        Manifest.Entry current() {
            if (current == null) {
                throw new IllegalStateException("cursor has no current entry");
            }
            return current;
        }

        /**
         * Moves to the next entry, skipping any that repeats the current path (a sorted source
         * is strictly increasing, so this only guards against damage); false at the end.
         */
        boolean advance() throws IOException {
            String previous = current == null ? null : current.path();
            ManifestReader.Row row = reader.next();
            while (row != null && previous != null && row.entry().path().compareTo(previous) <= 0) {
                row = reader.next();
            }
            current = row == null ? null : row.entry();
            return current != null;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
