package org.dmmigrate.emulator;

/**
 * Identifies one asset of one media.
 *
 * @param mediaId the media id
 * @param assetName the asset name
 */
public record AssetKey(String mediaId, String assetName) {
}
