package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every verified asset file of a backup, kept in DST so that it outlives the
 * tool: {@code MANIFEST.tsv} (path, size, MD5, SHA-256, user, media id, asset name, when it
 * was verified), and {@code SHA256SUMS} and {@code MD5SUMS}, which {@code sha256sum -c} and
 * {@code md5sum -c} check from DST on their own.
 *
 * <p>Entries recorded between two {@link #save()}s go to a journal
 * ({@code .dmmigrate-journal.tsv}), one line each, so a run killed at any moment loses none
 * (a torn last line is ignored). {@link #save()} merges the journal into the sorted table
 * on disk; lookups read the table through a sparse {@link ManifestIndex}, so memory stays
 * flat however many files the backup holds. Thread-safe: many workers may record at once.
 */
public final class Manifest implements AutoCloseable {

    public static final String FILE_NAME = "MANIFEST.tsv";
    public static final String SHA256SUMS = "SHA256SUMS";
    public static final String MD5SUMS = "MD5SUMS";
    public static final String JOURNAL = ".dmmigrate-journal.tsv";
    /**
     * A copy of a {@code MANIFEST.tsv} that had rows no one could read, kept (the first one
     * only) before the table is rewritten without them.
     */
    public static final String DAMAGED = "MANIFEST.tsv.damaged";

    private static final Logger LOG = LoggerFactory.getLogger(Manifest.class);

    /**
     * One verified file.
     *
     * @param path the file's path relative to DST, with {@code /} between names
     * @param size its size in bytes
     * @param md5 its MD5, lowercase hex
     * @param sha256 its SHA-256, lowercase hex
     * @param user the username it belongs to (the user's folder name when only that is known)
     * @param mediaId the media it is an asset of
     * @param assetName the asset it holds, such as {@code source}
     * @param verifiedAt when its bytes were last checked, UTC
     */
    public record Entry(String path, long size, String md5, String sha256, String user,
            String mediaId, String assetName, Instant verifiedAt) {

        public Entry {
            if (!isRelative(path) || size < 0 || !isHex(md5, 32) || !isHex(sha256, 64)) {
                throw new IllegalArgumentException("not a manifest entry: path=" + path
                        + " size=" + size + " md5=" + md5 + " sha256=" + sha256);
            }
        }

        /** The entry of a file under {@code root} whose bytes gave {@code digest}. */
        public static Entry of(Path root, Path file, FileDigest digest, String user,
                String mediaId, String assetName, Instant verifiedAt) {
            if (digest.sha256() == null) {
                throw new IllegalArgumentException("a manifest entry needs the SHA-256 of "
                        + file);
            }
            return new Entry(relativePath(root, file), digest.size(), digest.md5(),
                    digest.sha256(), user, mediaId, assetName, verifiedAt);
        }

        /** Whether {@code path} names a file inside DST: no empty, {@code .} or {@code ..} name. */
        private static boolean isRelative(String path) {
            for (String name : path.split("/", -1)) {
                if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code text} is {@code length} lowercase hex digits. */
        private static boolean isHex(String text, int length) {
            if (text.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the entry vouches for exactly these bytes. */
        public boolean matches(FileDigest digest) {
            return size == digest.size() && md5.equals(digest.md5())
                    && (digest.sha256() == null || sha256.equals(digest.sha256()));
        }
    }

    private final Path root;
    private volatile ManifestIndex index = ManifestIndex.empty();
    /** Entries of a journal left by an earlier run, when it was not folded into the table. */
    private final Map<String, Entry> unsaved = new ConcurrentHashMap<>();
    private @Nullable FileChannel journal;

    private Manifest(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Opens the manifest of a backup for reading: {@code MANIFEST.tsv}, with the entries of
     * a journal left by an interrupted run on top (a later entry for a path replaces an
     * earlier one). Nothing is written; the journal's entries are held in memory, so a
     * caller that may write should use {@link #openAndFold}.
     */
    public static Manifest open(Path root) throws IOException {
        Manifest manifest = new Manifest(root);
        manifest.load();
        return manifest;
    }

    /**
     * Opens the manifest for a run that holds the backup's lock: a journal left by an
     * interrupted run, or a table that is not sorted, is first merged into
     * {@code MANIFEST.tsv}, so that nothing of it stays in memory.
     */
    public static Manifest openAndFold(Path root) throws IOException {
        Manifest manifest = new Manifest(root);
        manifest.index = ManifestIndex.build(manifest.root.resolve(FILE_NAME));
        if (Files.exists(manifest.root.resolve(JOURNAL)) || !manifest.index.sorted()
                || manifest.index.skipped() > 0) {
            // Merged on disk, never read into memory, whatever the size.
            manifest.save();
        }
        return manifest;
    }


    /** The path of a file relative to {@code root}, with {@code /} between names. */
    public static String relativePath(Path root, Path file) {
        Path relative = root.toAbsolutePath().normalize()
                .relativize(file.toAbsolutePath().normalize());
        if (relative.toString().isEmpty() || relative.startsWith("..")) {
            throw new IllegalArgumentException(file + " is not inside the backup " + root);
        }
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }

    /** The backup folder this manifest belongs to, absolute. */
    public Path root() {
        return root;
    }

    /** The absolute path of an entry's file. */
    public Path file(Entry entry) {
        return root.resolve(entry.path());
    }

    /**
     * The entry for a path relative to DST, as of the last {@link #open} or {@link #save()}:
     * entries recorded since are in the journal only.
     */
    public Optional<Entry> entry(String relativePath) throws IOException {
        Entry earlier = unsaved.get(relativePath);
        if (earlier != null) {
            return Optional.of(earlier);
        }
        return index.find(relativePath);
    }

    /** The number of entries, as of the last {@link #open} or {@link #save()}. */
    public long size() throws IOException {
        long added = 0;
        for (String path : unsaved.keySet()) {
            added += index.find(path).isEmpty() ? 1 : 0;
        }
        return index.size() + added;
    }

    /**
     * Hands every entry, sorted by path, to {@code visitor}, as of the last {@link #open} or
     * {@link #save()}; reads the table as it goes.
     */
    public void forEach(EntryVisitor visitor) throws IOException {
        List<Entry> overlay = new ArrayList<>(unsaved.values());
        overlay.sort(Comparator.comparing(Entry::path));
        int next = 0;
        Path table = root.resolve(FILE_NAME);
        if (index.size() > 0) {
            // The table is sorted (else it was read into memory): merge the two in order.
            try (ManifestReader reader = ManifestReader.open(table)) {
                for (ManifestReader.Row row = reader.next(); row != null; row = reader.next()) {
                    String path = row.entry().path();
                    while (next < overlay.size()
                            && overlay.get(next).path().compareTo(path) < 0) {
                        visitor.visit(overlay.get(next++));
                    }
                    if (next < overlay.size() && overlay.get(next).path().equals(path)) {
                        visitor.visit(overlay.get(next++));
                    } else if (!unsaved.containsKey(path)) {
                        visitor.visit(row.entry());
                    }
                }
            }
        }
        while (next < overlay.size()) {
            visitor.visit(overlay.get(next++));
        }
    }

    /** Every entry, sorted by path, in memory: for small backups and tests. */
    public List<Entry> entries() throws IOException {
        List<Entry> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /**
     * Records a verified file: the entry replaces any earlier one for its path and is
     * appended to the journal before this returns. The journal is synced by {@link #save()}
     * and {@link #close()}, not per entry: a power cut may lose its last lines, and the next
     * run then hashes those files again and records them.
     */
    public void record(Entry entry) throws IOException {
        recordAll(List.of(entry));
    }

    /** Records many verified files with one write to the journal. */
    public synchronized void recordAll(List<Entry> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (journal == null) {
            journal = FileChannel.open(root.resolve(JOURNAL), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        StringBuilder lines = new StringBuilder();
        for (Entry entry : batch) {
            lines.append(ManifestLines.row(entry)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            journal.write(bytes);
        }
    }

    /**
     * Rewrites {@code MANIFEST.tsv}, {@code SHA256SUMS} and {@code MD5SUMS} atomically from
     * the table and the journal, merged on disk, then deletes the journal. The caller holds
     * the backup's lock. Idempotent; a crash in between leaves a journal whose entries the
     * next {@link #open} applies again.
     */
    public synchronized void save() throws IOException {
        closeJournal();
        Path table = root.resolve(FILE_NAME);
        if (upToDate(table)) {
            return;
        }
        keepDamaged(table);
        boolean sorted = index.sorted() && index.size() > 0 && index.skipped() == 0;
        index.close();
        long written;
        try {
            written = new ManifestMerge(root).merge(List.of(
                    new ManifestMerge.Source(table, sorted),
                    new ManifestMerge.Source(root.resolve(JOURNAL), false)));
            Files.deleteIfExists(root.resolve(JOURNAL));
            unsaved.clear();
        } finally {
            index = ManifestIndex.build(table);
        }
        LOG.info("saved manifest path={} entries={}", table, written);
    }

    /** Closes the journal; entries recorded and not saved stay in it for the next run. */
    @Override
    public synchronized void close() throws IOException {
        closeJournal();
        index.close();
    }

    /** Hears manifest entries one at a time. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(Entry entry) throws IOException;
    }

    private void closeJournal() throws IOException {
        if (journal != null) {
            journal.force(false);
            journal.close();
            journal = null;
        }
    }

    /**
     * Whether the three files already say what a save would write: no journal, nothing read
     * into memory, a sorted table without damage, and both checksum lists present.
     */
    private boolean upToDate(Path table) {
        return !Files.exists(root.resolve(JOURNAL)) && unsaved.isEmpty() && index.sorted()
                && index.skipped() == 0 && Files.isRegularFile(table)
                && Files.isRegularFile(root.resolve(SHA256SUMS))
                && Files.isRegularFile(root.resolve(MD5SUMS));
    }

    /** Keeps a table with unreadable rows aside before it is rewritten without them. */
    private void keepDamaged(Path table) throws IOException {
        Path copy = root.resolve(DAMAGED);
        if (index.skipped() == 0 || Files.exists(copy)) {
            return;
        }
        Files.copy(table, copy);
        LOG.warn("kept damaged manifest path={} copy={} unreadable_rows={}", table, copy,
                index.skipped());
    }

    private void load() throws IOException {
        Path table = root.resolve(FILE_NAME);
        index = ManifestIndex.build(table);
        if (index.skipped() > 0) {
            LOG.warn("skipped unreadable manifest lines path={} lines={}", table,
                    index.skipped());
        }
        if (!index.sorted()) {
            LOG.warn("read unsorted manifest into memory path={} entries={}", table,
                    index.size());
            index.close();
            index = ManifestIndex.empty();
            readInto(table);
        }
        readInto(root.resolve(JOURNAL));
    }

    private void readInto(Path file) throws IOException {
        try (ManifestReader reader = ManifestReader.open(file)) {
            for (ManifestReader.Row row = reader.next(); row != null; row = reader.next()) {
                unsaved.put(row.entry().path(), row.entry());
            }
            if (reader.skipped() > 0 && file.endsWith(JOURNAL)) {
                LOG.warn("skipped unreadable manifest lines path={} lines={}", file,
                        reader.skipped());
            }
        } catch (NoSuchFileException e) {
            // No journal: the last run saved.
        }
    }
}
