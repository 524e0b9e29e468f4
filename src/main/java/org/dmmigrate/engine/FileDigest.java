package org.dmmigrate.engine;

import org.jspecify.annotations.Nullable;

/**
 * The size and digests of one file's bytes, in lowercase hex.
 *
 * @param size the number of bytes
 * @param md5 the MD5, as the service's {@code checksum} gives it
 * @param sha256 the SHA-256, or null when it was not computed
 */
public record FileDigest(long size, String md5, @Nullable String sha256) {
}
