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
 *
 * <p>For one shard of a split run, only that shard's media travel (their files and
 * {@code assets.json}); every {@code media.json} travels from every shard (each holds the
 * user's whole listing, so the shards write the same content), and the root sidecars go
 * under {@code shards/K-of-N/} so that the shards sharing a prefix never overwrite them.
 */
public record MigrationPlan(List<MigrationItem> assets, List<MigrationItem> sidecars,
        List<String> unverified) {

    /** The files of the backup root that travel with it. */
    public static final Set<String> ROOT_SIDECARS = Set.of(Manifest.FILE_NAME,
            Manifest.SHA256SUMS, Manifest.MD5SUMS, CompletenessReport.JSON_NAME,
            CompletenessReport.TEXT_NAME);

    /** The files the migration keeps in SOURCE, never sent. */
    public static final String STATE_PREFIX = ".dmmigrate";

    /** The folder, below the prefix, of each shard's root sidecars. */
    public static final String SHARDS_FOLDER = "shards";

    /** Reads the plan of the backup at {@code root} against its manifest. */
    public static MigrationPlan of(Path root, Manifest manifest, String prefix)
            throws IOException {
        return of(root, manifest, prefix, Shard.ALL);
    }

    /** The key of a root sidecar: below the prefix, or below the shard's folder there. */
    public static ObjectKey rootKey(String prefix, Shard shard, String name) {
        return ObjectKey.under(prefix, shard.isAll() ? name
                : SHARDS_FOLDER + "/" + shard.folderName() + "/" + name);
    }

    /** Reads the plan of one shard of the backup at {@code root} against its manifest. */
    public static MigrationPlan of(Path root, Manifest manifest, String prefix, Shard shard)
            throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Listings listings = new Listings(base);
        List<MigrationItem> assets = new ArrayList<>();
        for (Manifest.Entry entry : manifest.entries()) {
            Path file = manifest.file(entry);
            if (!shard.contains(entry.mediaId()) || !Files.isRegularFile(file)
                    || Files.size(file) != entry.size()) {
                continue;
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("media-id", entry.mediaId());
            metadata.put("user", MetadataText.encode(entry.user()));
            metadata.put("asset-name", MetadataText.encode(entry.assetName()));
            String title = listings.title(entry.path(), entry.mediaId());
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
                        || manifest.entry(path).isPresent()
                        || !name.equals(BackupLayout.MEDIA_JSON)
                                && !listings.inShard(path, shard)) {
                    return FileVisitResult.CONTINUE;
                }
                boolean root = !path.contains("/");
                boolean sidecar = root
                        ? ROOT_SIDECARS.contains(name) || name.equals(Manifest.DAMAGED)
                        : name.equals(BackupLayout.MEDIA_JSON)
                                || name.equals(BackupLayout.ASSETS_JSON);
                if (sidecar) {
                    ObjectKey key = root ? rootKey(prefix, shard, name)
                            : ObjectKey.under(prefix, path);
                    sidecars.add(new MigrationItem(file, path, key, attributes.size(), null,
                            ContentTypes.of(name), Map.of()));
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

    /**
     * The titles of each user folder's media and the ids of their folders, read from its
     * {@code media.json} once.
     */
    private static final class Listings {

        private final Path root;
        private final Map<String, Map<String, String>> byFolder = new HashMap<>();
        private final Map<String, Map<String, String>> idsByFolder = new HashMap<>();

        Listings(Path root) {
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

        /**
         * Whether the file at {@code path} belongs to the shard: root files and files of a
         * folder that is no media's do; a media folder's files (found by its name, as
         * dmdownload names it) go with the media.
         */
        boolean inShard(String path, Shard shard) {
            int slash = path.indexOf('/');
            int last = path.lastIndexOf('/');
            if (shard.isAll() || slash < 0 || slash == last) {
                return true;
            }
            String folder = path.substring(0, slash);
            String dir = path.substring(path.lastIndexOf('/', last - 1) + 1, last);
            byFolder.computeIfAbsent(folder, this::read);
            String mediaId = idsByFolder.getOrDefault(folder, Map.of()).get(dir);
            return mediaId == null || shard.contains(mediaId);
        }

        private Map<String, String> read(String folder) {
            Map<String, String> titles = new HashMap<>();
            Map<String, String> ids = new HashMap<>();
            idsByFolder.put(folder, ids);
            try {
                for (Media media : MediaListing.read(root.resolve(folder)
                        .resolve(BackupLayout.MEDIA_JSON))) {
                    if (media.title() != null) {
                        titles.put(media.id(), media.title());
                    }
                    ids.put(PathNames.forMediaId(media.id()), media.id());
                }
            } catch (IOException e) {
                // No titles then: the other metadata still identifies each object.
            }
            return titles;
        }
    }
}
