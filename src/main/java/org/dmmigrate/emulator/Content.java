package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one asset as the CDN serves them: from a resource, a file or a generator.
 *
 * <p>Thread-safe: many requests may read the same content at once.
 */
public interface Content {

    /** The exact number of bytes. */
    long length();

    /** A stable identity of these bytes (for example their MD5); changes when they change. */
    String etag();

    /**
     * Opens the bytes from {@code offset} to the end.
     *
     * @throws IOException when the underlying file or resource cannot be read
     */
    InputStream open(long offset) throws IOException;
}
