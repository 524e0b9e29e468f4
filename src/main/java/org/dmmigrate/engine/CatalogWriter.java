package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dmmigrate.model.Media;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the HTML catalog of a backup into {@code DST/catalog/}: {@code index.html} and one
 * page per media in {@code media/<media_id>.html}. It reads only the backup (no network),
 * links the files with relative links, and replaces each page atomically; a page whose bytes
 * did not change is left alone. The backup itself is never written.
 *
 * <p>Media are read one at a time, so memory grows only with the index's short rows. Not
 * thread-safe; one run at a time per backup (two runs race only on whole pages).
 */
public final class CatalogWriter {

    /** The catalog's folder inside DST. */
    public static final String FOLDER = "catalog";

    /** The catalog's start page inside {@link #FOLDER}. */
    public static final String INDEX = "index.html";

    /** The folder of the media pages inside {@link #FOLDER}. */
    public static final String MEDIA_FOLDER = "media";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogWriter.class);

    private static final Pattern SAFE_ID = Pattern.compile("[0-9A-Za-z_-]{1,100}");

    private final BackupLayout layout;
    private final Clock clock;

    public CatalogWriter(Path root, Clock clock) {
        this.layout = new BackupLayout(root);
        this.clock = clock;
    }

    /**
     * Writes the catalog. Unreadable listings are named in the summary and on the index, and
     * the rest is written.
     *
     * @throws NotABackupException when DST holds no user folder with a {@code media.json}
     * @throws IOException when the catalog folder cannot be written
     */
    public CatalogSummary write() throws NotABackupException, IOException {
        CatalogScan scan = new CatalogScan(layout);
        List<String> users = scan.userFolders();
        if (users.isEmpty()) {
            throw new NotABackupException(layout.root());
        }

        Path folder = layout.root().resolve(FOLDER);
        Path index = folder.resolve(INDEX);
        IndexPage page = new IndexPage(folder);
        List<String> problems = new ArrayList<>();
        Set<String> pageNames = new HashSet<>();
        for (String user : users) {
            page.addUser(user);
            writeUser(scan, user, page, index, pageNames, problems);
        }

        AtomicFiles.write(index, page.html(clock.instant(), problems)
                .getBytes(StandardCharsets.UTF_8));
        LOG.info("wrote catalog path={} users={} media={} problems={}", index, users.size(),
                page.size(), problems.size());
        return new CatalogSummary(index, users.size(), page.size(), page.bytes(), problems);
    }

    private void writeUser(CatalogScan scan, String user, IndexPage index, Path indexFile,
            Set<String> pageNames, List<String> problems) throws IOException {
        List<Media> media;
        try {
            media = scan.media(user);
        } catch (IOException unreadable) {
            LOG.warn("skipped user listing user={} reason={}", user, unreadable.getMessage());
            problems.add(user + "/" + BackupLayout.MEDIA_JSON + ": " + unreadable.getMessage());
            return;
        }
        for (Media entry : media) {
            CatalogMedia read;
            try {
                read = scan.read(user, entry);
            } catch (IllegalArgumentException outside) {
                LOG.warn("skipped media user={} media={} reason={}", user, entry.id(),
                        outside.getMessage());
                problems.add(user + "/" + entry.id() + ": " + outside.getMessage());
                continue;
            }
            if (read.problem() != null) {
                LOG.warn("found media without assets user={} media={} reason={}", user,
                        entry.id(), read.problem());
                problems.add(user + "/" + entry.id() + ": " + read.problem());
            }
            Path pageFile = indexFile.resolveSibling(MEDIA_FOLDER)
                    .resolve(pageName(entry.id(), pageNames) + ".html");
            writeIfChanged(pageFile, MediaPage.html(read, pageFile.getParent(), indexFile));
            index.add(read, pageFile);
        }
    }

    /** The media id when it is a plain name, else a hash of it; unique within the run. */
    static String pageName(String mediaId, Set<String> taken) {
        String base = SAFE_ID.matcher(mediaId).matches() ? mediaId : "_media-" + sha256(mediaId);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private static void writeIfChanged(Path file, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        AtomicFiles.write(file, bytes);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** DST is no backup: it holds no {@code <user>/media.json}. */
    public static final class NotABackupException extends Exception {

        private final Path root;

        NotABackupException(Path root) {
            super(reason(root));
            this.root = root;
        }

        private static String reason(Path root) {
            if (!Files.isDirectory(root)) {
                return root + " is not a backup: there is no such folder; give the folder "
                        + "dmdownload wrote (DST)";
            }
            if (Files.isRegularFile(root.resolve(BackupLayout.MEDIA_JSON))) {
                return root + " is not a backup but one user's folder of a backup; give the "
                        + "folder above it";
            }
            return root + " is not a backup: it holds no <user>/media.json; give the folder "
                    + "dmdownload wrote (DST)";
        }

        public Path root() {
            return root;
        }
    }
}
