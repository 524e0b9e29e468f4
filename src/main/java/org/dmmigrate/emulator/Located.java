package org.dmmigrate.emulator;

/**
 * A CDN path resolved to one file asset.
 *
 * @param media the media as it is now
 * @param asset its asset, which has content
 * @param file the last path segment ({@code <asset>-<version>.<ext>})
 */
record Located(EmulatedMedia media, EmulatedAsset asset, String file) {

    AssetKey key() {
        return new AssetKey(media.id(), asset.name());
    }

    Content content() {
        Content content = asset.content();
        if (content == null) {
            throw new IllegalStateException("asset " + asset.name() + " of media " + media.id()
                    + " has no content");
        }
        return content;
    }
}
