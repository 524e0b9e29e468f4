package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
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
 * (a torn last line is ignored). Thread-safe: many workers may record at once.
 */
public final class Manifest implements AutoCloseable {

    public static final String FILE_NAME = "MANIFEST.tsv";
    public static final String SHA256SUMS = "SHA256SUMS";
    public static final String MD5SUMS = "MD5SUMS";
    public static final String JOURNAL = ".dmmigrate-journal.tsv";

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

        private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
        private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

        public Entry {
            if (path.isEmpty() || path.startsWith("/") || size < 0
                    || !MD5_HEX.matcher(md5).matches()
                    || !SHA256_HEX.matcher(sha256).matches()) {
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

        /** Whether the entry vouches for exactly these bytes. */
        public boolean matches(FileDigest digest) {
            return size == digest.size() && md5.equals(digest.md5())
                    && (digest.sha256() == null || sha256.equals(digest.sha256()));
        }
    }

    private final Path root;
    // TODO(#3): every entry stays in memory (several hundred bytes each): a 100,000-media
    // organisation (300,000 files) ran out of a 128 MB heap; keep it on disk, sorted.
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> recordedHere = ConcurrentHashMap.newKeySet();
    private @Nullable FileChannel journal;

    private Manifest(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Loads the manifest of a backup: {@code MANIFEST.tsv}, then the journal's entries on
     * top (a later entry for a path replaces an earlier one). Nothing is written.
     */
    public static Manifest open(Path root) throws IOException {
        Manifest manifest = new Manifest(root);
        manifest.load(manifest.root.resolve(FILE_NAME));
        manifest.load(manifest.root.resolve(JOURNAL));
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

    /** The entry for a path relative to DST. */
    public Optional<Entry> entry(String relativePath) {
        return Optional.ofNullable(entries.get(relativePath));
    }

    /** Every entry, sorted by path. */
    public List<Entry> entries() {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(Entry::path));
        return sorted;
    }

    /** The paths recorded through this instance, as opposed to loaded from DST. */
    public Set<String> recordedHere() {
        return Collections.unmodifiableSet(recordedHere);
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
        ByteBuffer bytes = ByteBuffer.wrap(utf8(lines));
        while (bytes.hasRemaining()) {
            journal.write(bytes);
        }
        for (Entry entry : batch) {
            entries.put(entry.path(), entry);
            recordedHere.add(entry.path());
        }
    }

    /**
     * Rewrites {@code MANIFEST.tsv}, {@code SHA256SUMS} and {@code MD5SUMS} atomically from
     * every entry, then deletes the journal. Idempotent; a crash in between leaves a journal
     * whose entries the next {@link #open} applies again.
     */
    public synchronized void save() throws IOException {
        List<Entry> sorted = entries();
        StringBuilder table = new StringBuilder(ManifestLines.HEADER).append('\n');
        StringBuilder sha256 = new StringBuilder();
        StringBuilder md5 = new StringBuilder();
        for (Entry entry : sorted) {
            table.append(ManifestLines.row(entry)).append('\n');
            sha256.append(ManifestLines.sumLine(entry.sha256(), entry.path())).append('\n');
            md5.append(ManifestLines.sumLine(entry.md5(), entry.path())).append('\n');
        }

        AtomicFiles.write(root.resolve(FILE_NAME), utf8(table));
        AtomicFiles.write(root.resolve(SHA256SUMS), utf8(sha256));
        AtomicFiles.write(root.resolve(MD5SUMS), utf8(md5));

        closeJournal();
        Files.deleteIfExists(root.resolve(JOURNAL));
        LOG.info("saved manifest path={} entries={}", root.resolve(FILE_NAME), sorted.size());
    }

    /** Closes the journal; entries recorded and not saved stay in it for the next run. */
    @Override
    public synchronized void close() throws IOException {
        closeJournal();
    }

    private void closeJournal() throws IOException {
        if (journal != null) {
            journal.force(false);
            journal.close();
            journal = null;
        }
    }

    private void load(Path file) throws IOException {
        String text;
        try {
            // Lenient decoding: a line torn inside a character (kill -9 while appending) or
            // damaged bytes make that line unreadable, not the whole manifest.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            return;
        }
        int skipped = 0;
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            start = end + 1;
            Optional<Entry> entry = line.indexOf('\uFFFD') >= 0 ? Optional.empty()
                    : ManifestLines.parse(line);
            if (entry.isPresent()) {
                entries.put(entry.get().path(), entry.get());
            } else if (!line.equals(ManifestLines.HEADER)) {
                skipped++;
            }
        }
        if (start < text.length()) {
            // A torn last line: the run was killed while appending it.
            skipped++;
        }
        if (skipped > 0) {
            LOG.warn("skipped unreadable manifest lines path={} lines={}", file, skipped);
        }
    }

    private static byte[] utf8(StringBuilder text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
