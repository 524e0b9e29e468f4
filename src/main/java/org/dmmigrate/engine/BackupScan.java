package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a backup's listings, offline: each user folder's {@code media.json}, each media's
 * {@code assets.json}, found where dmdownload puts it or, failing that, anywhere under the
 * user's folder in a folder named after the media id. Says which files should be there.
 *
 * <p>Not thread-safe; built once per verification.
 */
final class BackupScan {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScan.class);

    /** An asset file the backup should hold. */
    record PlannedFile(String user, String mediaId, Asset asset, Path file, String path) {
    }

    /** A media as the backup records it: where its folder is and its assets, by name. */
    record MediaRecord(Media media, @Nullable Path dir, Map<String, Asset> assets) {
    }

    /** A user folder and its media, by id. */
    record UserRecord(String folder, Path dir, Map<String, MediaRecord> media) {
    }

    private final BackupLayout layout;
    final Shard shard;
    final List<UserRecord> users = new ArrayList<>();
    final List<PlannedFile> files = new ArrayList<>();
    final Set<Path> known = new HashSet<>();
    final List<Finding> findings = new ArrayList<>();
    final Map<String, TallyCounter> counters = new TreeMap<>();

    /** The folders found of media in other shards: not this scan's, never walked. */
    final Set<Path> otherShards = new HashSet<>();

    private BackupScan(BackupLayout layout, Shard shard) {
        this.layout = layout;
        this.shard = shard;
    }

    /**
     * Reads every listing of the backup at {@code layout.root()}, or only those of one
     * user's folder when {@code username} is given.
     */
    static BackupScan of(BackupLayout layout, @Nullable String username)
            throws IOException, NotABackupException {
        return of(layout, username, Shard.ALL);
    }

    /**
     * As {@link #of(BackupLayout, String)}, keeping only the media of {@code shard}: the
     * others are neither counted nor expected.
     */
    static BackupScan of(BackupLayout layout, @Nullable String username, Shard shard)
            throws IOException, NotABackupException {
        Path root = layout.root();
        if (!Files.isDirectory(root)) {
            throw new NotABackupException(root, "no such folder");
        }
        BackupScan scan = new BackupScan(layout, shard);
        List<Path> userDirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (Files.isDirectory(child)
                        && Files.isRegularFile(child.resolve(BackupLayout.MEDIA_JSON))) {
                    userDirs.add(child);
                }
            }
        }
        if (userDirs.isEmpty()) {
            throw new NotABackupException(root, "no user folder with a media.json in it");
        }
        userDirs.sort(null);
        if (username != null) {
            String folder = PathNames.forUsername(username, "");
            userDirs.removeIf(dir -> !dir.getFileName().toString().equals(folder));
            if (userDirs.isEmpty()) {
                throw new NotABackupException(root, "it has no folder with a media.json for "
                        + "user " + username);
            }
        }
        for (Path userDir : userDirs) {
            scan.user(userDir);
        }
        return scan;
    }

    TallyCounter counter(String user) {
        return counters.computeIfAbsent(user, name -> new TallyCounter());
    }

    void add(Finding finding) {
        findings.add(finding);
        counter(finding.user()).count(finding.kind());
    }

    String relative(Path file) {
        return Manifest.relativePath(layout.root(), file);
    }

    private void user(Path userDir) {
        String folder = userDir.getFileName().toString();
        TallyCounter counter = counter(folder);
        Path listing = userDir.resolve(BackupLayout.MEDIA_JSON);
        known.add(listing);
        List<Media> media;
        try {
            media = MediaListing.read(listing);
        } catch (IOException e) {
            add(new Finding(Finding.Kind.UNREADABLE, folder, relative(listing),
                    String.valueOf(e.getMessage())));
            return;
        }
        UserRecord user = new UserRecord(folder, userDir, new LinkedHashMap<>());
        users.add(user);
        FolderIndex index = new FolderIndex(userDir);
        for (Media entry : media) {
            if (user.media().containsKey(entry.id())) {
                continue;
            }
            if (!shard.contains(entry.id())) {
                Path elsewhere = located(userDir, entry, index);
                if (elsewhere != null) {
                    otherShards.add(elsewhere);
                }
                continue;
            }
            counter.media++;
            user.media().put(entry.id(), media(user, entry, index));
        }
    }

    private MediaRecord media(UserRecord user, Media media, FolderIndex index) {
        Path dir = located(user.dir(), media, index);
        if (dir == null) {
            Path expected = layout.mediaDir(user.dir(), media).resolve(BackupLayout.ASSETS_JSON);
            add(new Finding(Finding.Kind.MISSING, user.folder(), relative(expected),
                    "no assets.json for media " + media.id() + ": its assets are unknown"));
            return new MediaRecord(media, null, Map.of());
        }
        Path listing = dir.resolve(BackupLayout.ASSETS_JSON);
        known.add(listing);
        Optional<Map<String, @Nullable Object>> tree;
        try {
            tree = AssetsFile.read(listing);
        } catch (IOException e) {
            tree = Optional.empty();
        }
        if (tree.isEmpty()) {
            add(new Finding(Finding.Kind.UNREADABLE, user.folder(), relative(listing),
                    "not a JSON object of assets"));
            return new MediaRecord(media, dir, Map.of());
        }
        Map<String, Asset> assets = new LinkedHashMap<>();
        new TreeMap<>(tree.get()).forEach((name, value) -> {
            if (value instanceof Map<?, ?> properties) {
                Map<String, @Nullable Object> copy = new LinkedHashMap<>();
                properties.forEach((key, property) -> copy.put(String.valueOf(key), property));
                assets.put(name, new Asset(name, copy));
            }
        });
        for (Asset asset : assets.values()) {
            asset(user.folder(), media, dir, asset);
        }
        return new MediaRecord(media, dir, assets);
    }

    private void asset(String user, Media media, Path dir, Asset asset) {
        TallyCounter counter = counter(user);
        counter.assets++;
        Path file = layout.assetFile(dir, asset.name(), AssetFiles.extension(asset));
        known.add(file);
        String path = relative(file);
        AssetKind kind = AssetFiles.kind(asset);
        switch (kind) {
            case FILE -> {
                counter.files++;
                counter.bytesExpected += asset.fileSize().orElse(0);
                files.add(new PlannedFile(user, media.id(), asset, file, path));
            }
            case ADAPTIVE -> counter.skippedAdaptive++;
            case LIVE -> counter.skippedLive++;
            case NOT_READY -> add(new Finding(Finding.Kind.NOT_READY, user, path,
                    "status " + asset.status() + " on the service when listed"));
            case ERROR -> add(new Finding(Finding.Kind.IN_ERROR, user, path,
                    "status error on the service when listed"));
            default -> throw new IllegalStateException("unknown asset kind " + kind);
        }
    }

    private @Nullable Path located(Path userDir, Media media, FolderIndex index) {
        Path computed = layout.mediaDir(userDir, media);
        if (Files.isRegularFile(computed.resolve(BackupLayout.ASSETS_JSON))) {
            return computed;
        }
        Path found = index.find(PathNames.forMediaId(media.id()));
        if (found != null) {
            LOG.debug("found media folder elsewhere media={} expected={} found={}", media.id(),
                    computed, found);
        }
        return found;
    }

    /** The folders holding an {@code assets.json} under a user folder, by name; lazy. */
    private static final class FolderIndex {

        private final Path userDir;
        private @Nullable Map<String, Path> byName;

        FolderIndex(Path userDir) {
            this.userDir = userDir;
        }

        @Nullable Path find(String name) {
            if (byName == null) {
                byName = new HashMap<>();
                try (Stream<Path> all = Files.walk(userDir)) {
                    all.filter(p -> p.getFileName().toString().equals(BackupLayout.ASSETS_JSON))
                            .map(Path::getParent)
                            .sorted()
                            .forEach(dir -> byName.putIfAbsent(dir.getFileName().toString(),
                                    dir));
                } catch (IOException e) {
                    LOG.warn("failed scanning user folder path={} reason={}", userDir,
                            e.getMessage());
                }
            }
            return byName.get(name);
        }
    }
}
