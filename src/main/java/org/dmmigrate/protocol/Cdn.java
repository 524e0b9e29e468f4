package org.dmmigrate.protocol;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The service's content delivery network, seen as one operation: open an asset URL from a
 * byte offset. Redirects are followed. Implementations are thread-safe.
 */
public interface Cdn {

    /**
     * Opens {@code url} from {@code offset}. With an offset above 0, asks for a byte range
     * and, when {@code ifRange} is given, only if the content still has that ETag; the
     * answer says whether the server honoured the range ({@link CdnBody#start()}).
     *
     * @throws CdnError when the CDN refuses the URL or fails; its kind says what to do
     */
    CdnBody open(URI url, long offset, @Nullable String ifRange) throws CdnError;

    /** The size and ETag of the content at {@code url}, without its bytes. */
    CdnHead head(URI url) throws CdnError;

    /**
     * What a HEAD request tells about a URL.
     *
     * @param length the Content-Length, or -1 when absent
     * @param etag the ETag, or null
     */
    record CdnHead(long length, @Nullable String etag) {
    }
}
