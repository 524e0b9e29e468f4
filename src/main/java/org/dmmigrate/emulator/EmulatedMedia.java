package org.dmmigrate.emulator;

import java.util.Map;

/**
 * A media of the emulated service and its assets.
 *
 * @param id 24 lowercase hex characters
 * @param ownerId the id of the user who owns it
 * @param created Unix seconds
 * @param meta the media's meta object as the API returns it ({@code title}, ...); a media
 *     without a title has no {@code title} key
 * @param assets asset name to asset, in a stable order
 */
public record EmulatedMedia(
        String id,
        String ownerId,
        long created,
        Map<String, Object> meta,
        Map<String, EmulatedAsset> assets) {
}
