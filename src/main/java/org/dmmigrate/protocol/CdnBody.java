package org.dmmigrate.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * An open download from the CDN: where its bytes start, how long the whole content is, its
 * ETag, and the bytes. Closing it releases the connection. Not thread-safe.
 *
 * @param start the offset of the first byte of {@link #body()}: the requested offset when
 *     the server answered 206, else 0 (it sent everything)
 * @param totalLength the length of the whole content (not only of the range sent), or -1
 *     when the server did not say
 * @param etag the ETag of the content, or null
 * @param body the bytes from {@code start}
 */
public record CdnBody(long start, long totalLength, @Nullable String etag, InputStream body)
        implements Closeable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
