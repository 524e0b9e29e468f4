package org.dmmigrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.EmulatedAsset;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.EmulatedUser;

/** A catalog whose assets are listed without {@code file_size}, as some listings are. */
final class WithoutFileSizes implements Catalog {

    private final Catalog catalog;

    WithoutFileSizes(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String organisationId() {
        return catalog.organisationId();
    }

    @Override
    public String organisationName() {
        return catalog.organisationName();
    }

    @Override
    public EmulatedUser admin() {
        return catalog.admin();
    }

    @Override
    public List<EmulatedUser> users() {
        return catalog.users();
    }

    @Override
    public List<EmulatedMedia> media(String userId) {
        return catalog.media(userId).stream().map(WithoutFileSizes::stripped).toList();
    }

    @Override
    public Optional<EmulatedMedia> mediaById(String mediaId) {
        return catalog.mediaById(mediaId).map(WithoutFileSizes::stripped);
    }

    private static EmulatedMedia stripped(EmulatedMedia media) {
        Map<String, EmulatedAsset> assets = new LinkedHashMap<>();
        media.assets().forEach((name, asset) -> {
            Map<String, Object> properties = new LinkedHashMap<>(asset.properties());
            properties.remove("file_size");
            assets.put(name, new EmulatedAsset(name, properties, asset.content()));
        });
        return new EmulatedMedia(media.id(), media.ownerId(), media.created(), media.meta(),
                assets);
    }
}
