package org.dmmigrate.engine;

import java.nio.file.Path;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;

/**
 * Where each part of a backup lives: {@code DST/<user>/media.json},
 * {@code DST/<user>/<title>/<media_id>/assets.json} and {@code <asset_name><extension>}
 * beside it, the seed README's layout. Every path it gives is checked to stay inside DST.
 *
 * <p>Immutable and thread-safe.
 */
public final class BackupLayout {

    public static final String MEDIA_JSON = "media.json";
    public static final String ASSETS_JSON = "assets.json";
    public static final String PART_SUFFIX = ".part";

    private final Path root;

    public BackupLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path userDir(User user) {
        return inside(root.resolve(PathNames.forUsername(user.username(), user.id())));
    }

    public Path mediaJson(User user) {
        return userDir(user).resolve(MEDIA_JSON);
    }

    public Path mediaDir(User user, Media media) {
        return mediaDir(userDir(user), media);
    }

    /** The folder of a media inside a user's folder, as {@link #mediaDir(User, Media)}. */
    public Path mediaDir(Path userDir, Media media) {
        String title = PathNames.forTitle(media.title());
        if (title.equals(MEDIA_JSON) || title.equals(MEDIA_JSON + AtomicFiles.TEMP_SUFFIX)) {
            // A folder may not take the name of the user's listing or of its temporary file.
            title = "_" + title;
        }
        Path titleDir = userDir.resolve(title);
        return inside(titleDir.resolve(PathNames.forMediaId(media.id())));
    }

    public Path assetsJson(User user, Media media) {
        return mediaDir(user, media).resolve(ASSETS_JSON);
    }

    public Path assetFile(User user, Media media, String assetName, String extension) {
        return assetFile(mediaDir(user, media), assetName, extension);
    }

    /** The file of an asset inside a media's folder, as {@link #assetFile}. */
    public Path assetFile(Path mediaDir, String assetName, String extension) {
        String name = PathNames.forAssetFile(assetName, extension);
        if (name.equals(ASSETS_JSON) || name.equals(ASSETS_JSON + AtomicFiles.TEMP_SUFFIX)) {
            name = "_" + name;
        }
        return inside(mediaDir.resolve(name));
    }

    /** The partial file beside a target, where bytes go until they are verified. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    private Path inside(Path path) {
        Path normal = path.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new IllegalArgumentException("refusing a path outside the backup folder: "
                    + normal + " (backup folder " + root + ")");
        }
        return normal;
    }
}
