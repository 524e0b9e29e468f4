package org.dmmigrate.target;

import java.util.Map;

/**
 * What a target says of one stored object.
 *
 * @param key the object's key
 * @param size its size in bytes
 * @param etag its ETag without quotes: the MD5 of a single-part object on most stores,
 *     {@code <hex>-<parts>} for a multipart one
 * @param metadata its user metadata, keys lowercase without the store's prefix (empty in
 *     listings, which do not carry it)
 */
public record ObjectInfo(ObjectKey key, long size, String etag, Map<String, String> metadata) {

    public ObjectInfo {
        metadata = Map.copyOf(metadata);
    }
}
