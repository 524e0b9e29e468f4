package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.jspecify.annotations.Nullable;

/**
 * Reads a backup for the HTML catalog, offline: the user folders (those holding a
 * {@code media.json}), each user's media, and each media's {@code assets.json} with the files
 * present. Paths come from {@link BackupLayout}, the same rules dmdownload writes by.
 *
 * <p>A user folder's name stands for its username: {@link PathNames#forUsername} leaves the
 * names it produces unchanged, so the layout finds the same folders again. Thread-safe.
 */
final class CatalogScan {

    private final BackupLayout layout;

    CatalogScan(BackupLayout layout) {
        this.layout = layout;
    }

    /** The user folders of the backup, sorted by name; empty when DST is no backup. */
    List<String> userFolders() throws IOException {
        if (!Files.isDirectory(layout.root())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(layout.root())) {
            return children.filter(Files::isDirectory)
                    .filter(folder -> Files.isRegularFile(
                            folder.resolve(BackupLayout.MEDIA_JSON)))
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> PathNames.forUsername(name, "").equals(name))
                    .sorted()
                    .toList();
        }
    }

    /** The media recorded in a user's {@code media.json}, in its order. */
    List<Media> media(String userFolder) throws IOException {
        return MediaListing.read(layout.mediaJson(user(userFolder)));
    }

    /**
     * A media with its assets and the files present; without assets, and the reason, when
     * its {@code assets.json} is missing or not valid JSON.
     */
    CatalogMedia read(String userFolder, Media media) {
        User user = user(userFolder);
        Path folder = layout.mediaDir(user, media);
        Optional<Map<String, @Nullable Object>> listing;
        try {
            listing = AssetsFile.read(layout.assetsJson(user, media));
        } catch (IOException unreadable) {
            return new CatalogMedia(userFolder, media, folder, List.of(),
                    String.valueOf(unreadable.getMessage()));
        }
        List<CatalogAsset> assets = new ArrayList<>();
        new TreeMap<>(listing.orElse(Map.of())).forEach((name, value) -> {
            if (value instanceof Map<?, ?> properties) {
                assets.add(asset(user, media, new Asset(name, copy(properties))));
            }
        });
        return new CatalogMedia(userFolder, media, folder, assets, listing.isPresent() ? null
                : "there is no " + BackupLayout.ASSETS_JSON + " in " + folder
                + "; rerun dmdownload to list its assets");
    }

    private CatalogAsset asset(User user, Media media, Asset asset) {
        AssetKind kind = AssetFiles.kind(asset);
        if (kind != AssetKind.FILE) {
            return new CatalogAsset(asset, kind, null, OptionalLong.empty());
        }
        Path file = layout.assetFile(user, media, asset.name(), AssetFiles.extension(asset));
        return new CatalogAsset(asset, kind, file, sizeOf(file));
    }

    private static OptionalLong sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file))
                    : OptionalLong.empty();
        } catch (IOException unreadable) {
            return OptionalLong.empty();
        }
    }

    private static Map<String, @Nullable Object> copy(Map<?, ?> properties) {
        Map<String, @Nullable Object> copy = new TreeMap<>();
        properties.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static User user(String userFolder) {
        return new User("", userFolder);
    }
}
