package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Comparator;
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
 * Reads a backup's listings, offline and one media at a time: each user folder's
 * {@code media.json}, each media's {@code assets.json}, found where dmdownload puts it or,
 * failing that, anywhere under the user's folder in a folder named after the media id. Says
 * which files should be there, and counts and keeps the findings of one verification.
 *
 * <p>Memory does not follow the size of the backup: one user's listing at a time, eight
 * bytes per media folder seen, and at most {@value #MAX_FINDINGS} findings of each sort
 * (failing, not failing) kept in detail; every finding is counted. Thread-safe.
 */
final class BackupScan {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScan.class);

    /** An asset file the backup should hold. */
    record PlannedFile(String user, String mediaId, Asset asset, Path file, String path) {
    }

    /** A media as the backup records it: where its folder is and its assets, by name. */
    record MediaRecord(Media media, @Nullable Path dir, Map<String, Asset> assets) {
    }

    /** A user folder and its media, in the order of its {@code media.json}, each id once. */
    record UserFolder(String folder, Path dir, List<Media> media, FolderIndex index) {
    }

    /** Findings of each sort kept in detail; more are counted only. */
    static final int MAX_FINDINGS = 10_000;

    private final BackupLayout layout;
    /** The media of the backup this scan is about; the others are skipped. */
    final Shard shard;
    /** The media ids a run was restricted to ({@code DMCLOUD_MEDIA_PATH}), or null for all. */
    private final @Nullable Set<String> mediaIds;
    final List<Path> userDirs = new ArrayList<>();
    private final List<Finding> failing = new ArrayList<>();
    private final List<Finding> notFailing = new ArrayList<>();
    private long omitted;
    private final Map<String, TallyCounter> counters = new TreeMap<>();
    private final PathHashes mediaDirs = new PathHashes();

    private BackupScan(BackupLayout layout, Shard shard, @Nullable Set<String> mediaIds) {
        this.layout = layout;
        this.shard = shard;
        this.mediaIds = mediaIds;
    }

    /** Whether a media is one this scan is about: in its shard and, if given, its ids. */
    boolean inScope(String mediaId) {
        return shard.contains(mediaId) && (mediaIds == null || mediaIds.contains(mediaId));
    }

    /**
     * Reads every listing of the backup at {@code layout.root()}, or only those of one
     * user's folder when {@code username} is given.
     */
    static BackupScan of(BackupLayout layout, @Nullable String username)
            throws IOException, NotABackupException {
        return of(layout, username, Shard.ALL, null);
    }

    /**
     * As {@link #of(BackupLayout, String)}, keeping only the media of {@code shard}: the
     * others are neither counted nor expected, and their folders are not searched.
     */
    static BackupScan of(BackupLayout layout, @Nullable String username, Shard shard,
            @Nullable Set<String> mediaIds) throws IOException, NotABackupException {
        Path root = layout.root();
        if (!Files.isDirectory(root)) {
            throw new NotABackupException(root, "no such folder");
        }
        BackupScan scan = new BackupScan(layout, shard, mediaIds);
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
        scan.userDirs.addAll(userDirs);
        return scan;
    }

    synchronized TallyCounter counter(String user) {
        return counters.computeIfAbsent(user, name -> new TallyCounter());
    }

    /** The counters of every user folder, and of {@code ""} for what belongs to none. */
    synchronized Map<String, TallyCounter> counters() {
        return new TreeMap<>(counters);
    }

    synchronized void add(Finding finding) {
        List<Finding> kept = finding.kind().failsBackup() ? failing : notFailing;
        if (kept.size() < MAX_FINDINGS) {
            kept.add(finding);
        } else {
            omitted++;
        }
        counter(finding.user()).count(finding.kind());
    }

    /** The findings kept in detail, by kind then path. */
    synchronized List<Finding> findings() {
        List<Finding> all = new ArrayList<>(failing);
        all.addAll(notFailing);
        all.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::path));
        return all;
    }

    /** The findings counted and not kept in detail. */
    synchronized long omitted() {
        return omitted;
    }

    /** Whether {@code dir} is the folder of a media whose files were planned. */
    synchronized boolean isMediaDir(Path dir) {
        return mediaDirs.contains(dir);
    }

    String relative(Path file) {
        return Manifest.relativePath(layout.root(), file);
    }

    /**
     * Reads a user folder's {@code media.json}; null, with a finding, when it cannot be
     * read. With {@code counted}, its media are counted in the tally.
     */
    synchronized @Nullable UserFolder user(Path userDir, boolean counted) {
        String folder = userDir.getFileName().toString();
        TallyCounter counter = counter(folder);
        Path listing = userDir.resolve(BackupLayout.MEDIA_JSON);
        List<Media> media;
        try {
            media = MediaListing.read(listing);
        } catch (IOException e) {
            if (counted) {
                add(new Finding(Finding.Kind.UNREADABLE, folder, relative(listing),
                        String.valueOf(e.getMessage())));
            }
            return null;
        }
        Set<String> ids = new HashSet<>();
        List<Media> unique = new ArrayList<>();
        for (Media entry : media) {
            if (ids.add(entry.id())) {
                unique.add(entry);
            }
        }
        if (counted) {
            counter.media += unique.stream().filter(entry -> inScope(entry.id())).count();
        }
        return new UserFolder(folder, userDir, unique, new FolderIndex(userDir));
    }

    /**
     * Reads one media's {@code assets.json}, counts its assets, reports what is wrong with
     * it and its folder, and returns the files it should hold.
     */
    synchronized List<PlannedFile> plan(UserFolder user, Media media) {
        MediaRecord record = record(user, media, true);
        List<PlannedFile> planned = new ArrayList<>();
        if (record.dir() == null) {
            return planned;
        }
        mediaDirs.add(record.dir());
        Set<String> names = new HashSet<>();
        names.add(BackupLayout.ASSETS_JSON);
        for (Asset asset : record.assets().values()) {
            Path file = layout.assetFile(record.dir(), asset.name(),
                    AssetFiles.extension(asset));
            names.add(file.getFileName().toString());
            asset(user.folder(), media, file, asset).ifPresent(planned::add);
        }
        reportOthers(record.dir(), user.folder(), names);
        return planned;
    }

    /**
     * Reports a file that is in no listing and not one of the tools' own: a leftover of an
     * interrupted run, or an extra file.
     */
    synchronized void other(String user, Path file) {
        String name = file.getFileName().toString();
        String path = relative(file);
        if (name.endsWith(BackupLayout.PART_SUFFIX) || name.endsWith(PartialFile.STATE_SUFFIX)
                || name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
            add(new Finding(Finding.Kind.LEFTOVER, user, path,
                    "left by an interrupted run; dmdownload resumes or removes it"));
        } else {
            add(new Finding(Finding.Kind.EXTRA, user, path, "in no listing"));
        }
    }

    /** Reports what a media folder holds besides {@code names}, its subfolders included. */
    private void reportOthers(Path dir, String user, Set<String> names) {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> inside = Files.walk(child)) {
                        inside.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                                .sorted().forEach(p -> other(user, p));
                    }
                } else if (!names.contains(child.getFileName().toString())) {
                    other(user, child);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("skipped unreadable path path={} reason={}", dir, e.getMessage());
        }
    }

    /**
     * Passes over a media of another shard: nothing is counted or expected, and its folder,
     * if the backup holds it, is not searched for extra files.
     */
    synchronized void skip(UserFolder user, Media media) {
        Path dir = located(user.dir(), media, user.index());
        if (dir != null) {
            mediaDirs.add(dir);
        }
    }

    /** The media as recorded in the backup, read again, with no counting: for comparisons. */
    synchronized MediaRecord record(UserFolder user, Media media) {
        return record(user, media, false);
    }

    private MediaRecord record(UserFolder user, Media media, boolean counted) {
        Path dir = located(user.dir(), media, user.index());
        if (dir == null) {
            if (!counted) {
                return new MediaRecord(media, null, Map.of());
            }
            Path expected = layout.mediaDir(user.dir(), media).resolve(BackupLayout.ASSETS_JSON);
            add(new Finding(Finding.Kind.MISSING, user.folder(), relative(expected),
                    "no assets.json for media " + media.id() + ": its assets are unknown"));
            return new MediaRecord(media, null, Map.of());
        }
        Path listing = dir.resolve(BackupLayout.ASSETS_JSON);
        Optional<Map<String, @Nullable Object>> tree;
        try {
            tree = AssetsFile.read(listing);
        } catch (IOException e) {
            tree = Optional.empty();
        }
        if (tree.isEmpty()) {
            if (counted) {
                add(new Finding(Finding.Kind.UNREADABLE, user.folder(), relative(listing),
                        "not a JSON object of assets"));
            }
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
        return new MediaRecord(media, dir, assets);
    }

    private Optional<PlannedFile> asset(String user, Media media, Path file, Asset asset) {
        TallyCounter counter = counter(user);
        counter.assets++;
        String path = relative(file);
        AssetKind kind = AssetFiles.kind(asset);
        switch (kind) {
            case FILE -> {
                counter.files++;
                counter.bytesExpected += asset.fileSize().orElse(0);
                return Optional.of(new PlannedFile(user, media.id(), asset, file, path));
            }
            case ADAPTIVE -> counter.skippedAdaptive++;
            case LIVE -> counter.skippedLive++;
            case NOT_READY -> add(new Finding(Finding.Kind.NOT_READY, user, path,
                    "status " + asset.status() + " on the service when listed"));
            case ERROR -> add(new Finding(Finding.Kind.IN_ERROR, user, path,
                    "status error on the service when listed"));
            default -> throw new IllegalStateException("unknown asset kind " + kind);
        }
        return Optional.empty();
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
    static final class FolderIndex {

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
