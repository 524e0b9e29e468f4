package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmmigrate.model.Media;
import org.dmmigrate.target.ObjectKey;
import org.jspecify.annotations.Nullable;

/**
 * What a migration sends: every file the manifest vouches for (assets), then the sidecars
 * (each {@code media.json} and {@code assets.json}, {@code MANIFEST.tsv}, the checksum lists
 * and the report), under keys that mirror the backup below the prefix. Any other file is not
 * sent and is listed as unverified: {@code dmverify SOURCE} records it in the manifest.
 * The tools' own state files, partial downloads and the catalog folder are left out.
 */
public record MigrationPlan(List<MigrationItem> assets, List<MigrationItem> sidecars,
        List<String> unverified) {

    /** The files of the backup root that travel with it. */
    public static final Set<String> ROOT_SIDECARS = Set.of(Manifest.FILE_NAME,
            Manifest.SHA256SUMS, Manifest.MD5SUMS, CompletenessReport.JSON_NAME,
            CompletenessReport.TEXT_NAME);

    /** The files the migration keeps in SOURCE, never sent. */
    public static final String STATE_PREFIX = ".dmmigrate";

    /** Reads the plan of the backup at {@code root} against its manifest. */
    public static MigrationPlan of(Path root, Manifest manifest, String prefix)
            throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Titles titles = new Titles(base);
        List<MigrationItem> assets = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            Path file = manifest.file(entry);
            if (!Files.isRegularFile(file) || Files.size(file) != entry.size()) {
                continue;
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("media-id", entry.mediaId());
            metadata.put("user", MetadataText.encode(entry.user()));
            metadata.put("asset-name", MetadataText.encode(entry.assetName()));
            String title = titles.title(entry.path(), entry.mediaId());
            if (title != null) {
                metadata.put("title", MetadataText.encode(title));
            }
            metadata.put("source-sha256", entry.sha256());
            assets.add(new MigrationItem(file, entry.path(), ObjectKey.under(prefix,
                    entry.path()), entry.size(), entry.md5(),
                    ContentTypes.of(file.getFileName().toString()), metadata));
        }

        List<MigrationItem> sidecars = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean catalog = dir.getParent() != null && dir.getParent().equals(base)
                        && dir.getFileName().toString().equals(Verifier.CATALOG_FOLDER);
                return catalog ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                String path = Manifest.relativePath(base, file);
                String name = file.getFileName().toString();
                if (!attributes.isRegularFile() || name.startsWith(STATE_PREFIX)
                        || name.endsWith(BackupLayout.PART_SUFFIX)
                        || name.endsWith(AtomicFiles.TEMP_SUFFIX)
                        || manifest.entry(path).isPresent()) {
                    return FileVisitResult.CONTINUE;
                }
                boolean sidecar = path.contains("/") ? name.equals(BackupLayout.MEDIA_JSON)
                        || name.equals(BackupLayout.ASSETS_JSON) : ROOT_SIDECARS.contains(name);
                if (sidecar) {
                    sidecars.add(new MigrationItem(file, path, ObjectKey.under(prefix, path),
                            attributes.size(), null, ContentTypes.of(name), Map.of()));
                } else {
                    unverified.add(path);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // Root files last, the manifest at the very end: its presence means the rest is in.
        sidecars.sort(Comparator.comparingInt(MigrationPlan::rank)
                .thenComparing(MigrationItem::path));
        unverified.sort(null);
        return new MigrationPlan(List.copyOf(assets), List.copyOf(sidecars),
                List.copyOf(unverified));
    }

    private static int rank(MigrationItem item) {
        if (item.path().contains("/")) {
            return 0;
        }
        return item.path().equals(Manifest.FILE_NAME) ? 2 : 1;
    }

    /** The titles of each user folder's media, read from its {@code media.json} once. */
    private static final class Titles {

        private final Path root;
        private final Map<String, Map<String, String>> byFolder = new HashMap<>();

        Titles(Path root) {
            this.root = root;
        }

        @Nullable String title(String path, String mediaId) {
            int slash = path.indexOf('/');
            if (slash < 0) {
                return null;
            }
            String folder = path.substring(0, slash);
            return byFolder.computeIfAbsent(folder, this::read).get(mediaId);
        }

        private Map<String, String> read(String folder) {
            Map<String, String> titles = new HashMap<>();
            try {
                for (Media media : MediaListing.read(root.resolve(folder)
                        .resolve(BackupLayout.MEDIA_JSON))) {
                    if (media.title() != null) {
                        titles.put(media.id(), media.title());
                    }
                }
            } catch (IOException e) {
                // No titles then: the other metadata still identifies each object.
            }
            return titles;
        }
    }
}
