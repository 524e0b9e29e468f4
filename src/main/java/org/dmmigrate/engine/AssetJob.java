package org.dmmigrate.engine;

import java.nio.file.Path;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;

/**
 * One asset to bring into the backup: whose it is, what the listing says of it, and the
 * final path of its file.
 */
public record AssetJob(User user, Media media, Asset asset, Path target) {

    /** A short identity for logs and reports: {@code user/media_id/asset_name}. */
    public String label() {
        return user.username() + "/" + media.id() + "/" + asset.name();
    }
}
