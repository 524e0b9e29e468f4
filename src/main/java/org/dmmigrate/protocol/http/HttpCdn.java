package org.dmmigrate.protocol.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmmigrate.protocol.Cdn;
import org.dmmigrate.protocol.CdnBody;
import org.dmmigrate.protocol.CdnError;
import org.dmmigrate.protocol.SignedUrls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CDN over {@link HttpURLConnection}: follows up to {@value #MAX_REDIRECTS} redirects to
 * http or https URLs, asks for ranges, and fails a
 * read that receives no byte within the read timeout (a stalled server), which the JDK's
 * newer client cannot do for a streamed body.
 *
 * <p>Thread-safe; one instance serves all downloads of a run.
 */
public final class HttpCdn implements Cdn {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCdn.class);

    private static final Pattern CONTENT_RANGE =
            Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private static final int MAX_REDIRECTS = 5;

    private final String userAgent;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public HttpCdn(String userAgent, Duration connectTimeout, Duration readTimeout) {
        this.userAgent = userAgent;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public CdnBody open(URI url, long offset, @Nullable String ifRange) throws CdnError {
        HttpURLConnection connection = follow(url, "GET", offset, ifRange);
        int status = status(url, connection);
        if (status != 200 && status != 206) {
            connection.disconnect();
            throw refusal(url, status);
        }

        String etag = connection.getHeaderField("ETag");
        long length = connection.getContentLengthLong();
        InputStream body = body(url, connection);
        if (status == 200) {
            return new CdnBody(0, length, etag, body);
        }
        String range = connection.getHeaderField("Content-Range");
        Matcher matcher = CONTENT_RANGE.matcher(range == null ? "" : range);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != offset) {
            connection.disconnect();
            throw new CdnError("the CDN answered a range request with Content-Range "
                    + range + " instead of bytes " + offset + "- for "
                    + SignedUrls.redact(url.toString()), 206, true, null);
        }
        long total = matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
        return new CdnBody(offset, total, etag, body);
    }

    @Override
    public CdnHead head(URI url) throws CdnError {
        HttpURLConnection connection = follow(url, "HEAD", 0, null);
        int status = status(url, connection);
        connection.disconnect();
        if (status != 200) {
            throw refusal(url, status);
        }
        return new CdnHead(connection.getContentLengthLong(), connection.getHeaderField("ETag"));
    }

    /**
     * Sends the request and follows redirects by hand: the JDK drops the connection on each
     * hop, while a drained redirect keeps it alive for the next download.
     */
    private HttpURLConnection follow(URI url, String method, long offset,
            @Nullable String ifRange) throws CdnError {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection connection = connect(current, method);
            if (offset > 0) {
                connection.setRequestProperty("Range", "bytes=" + offset + "-");
                if (ifRange != null) {
                    connection.setRequestProperty("If-Range", ifRange);
                }
            }
            int status = status(current, connection);
            if (status < 300 || status > 399 || status == 304) {
                return connection;
            }
            String location = connection.getHeaderField("Location");
            drain(connection);
            current = redirected(url, current, location);
        }
        throw new CdnError("more than " + MAX_REDIRECTS + " redirects from "
                + SignedUrls.redact(url.toString()), 0, false, null);
    }

    private static URI redirected(URI url, URI current, @Nullable String location)
            throws CdnError {
        URI next;
        try {
            next = location == null ? null : current.resolve(location);
        } catch (IllegalArgumentException e) {
            next = null;
        }
        if (next == null || !("http".equals(next.getScheme())
                || "https".equals(next.getScheme()))) {
            throw new CdnError("the CDN redirected " + SignedUrls.redact(url.toString())
                    + " to " + (location == null ? "nowhere" : SignedUrls.redact(location))
                    + ", which is not an http or https URL", 0, false, null);
        }
        return next;
    }

    private static void drain(HttpURLConnection connection) {
        try (InputStream in = connection.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            connection.disconnect();
        }
    }

    private HttpURLConnection connect(URI url, String method) throws CdnError {
        if (!url.isAbsolute() || !("http".equals(url.getScheme())
                || "https".equals(url.getScheme()))) {
            throw new CdnError("the service gave a download URL that is not http or https: "
                    + SignedUrls.redact(url.toString()), 0, false, null);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setUseCaches(false);
            connection.setRequestProperty("User-Agent", userAgent);
            connection.setRequestProperty("Accept-Encoding", "identity");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new CdnError("cannot open " + SignedUrls.redact(url.toString()) + ": "
                    + SignedUrls.redact(e.toString()), 0, false, e);
        }
    }

    private static int status(URI url, HttpURLConnection connection) throws CdnError {
        try {
            return connection.getResponseCode();
        } catch (SocketTimeoutException e) {
            throw new CdnError("timed out waiting for the CDN at " + hostOf(url), 0, true, e);
        } catch (IOException e) {
            throw new CdnError("cannot reach the CDN at " + hostOf(url) + ": "
                    + SignedUrls.redact(e.toString()), 0, true, e);
        }
    }

    private static InputStream body(URI url, HttpURLConnection connection) throws CdnError {
        try {
            return connection.getInputStream();
        } catch (IOException e) {
            throw new CdnError("lost the download from " + hostOf(url) + ": "
                    + SignedUrls.redact(e.toString()), 0, true, e);
        }
    }

    private static CdnError refusal(URI url, int status) {
        boolean retryable = status >= 500 || status == 429 || status == 408;
        LOG.debug("refused download status={} url={}", status, SignedUrls.redact(url.toString()));
        return new CdnError("the CDN answered HTTP " + status + " for "
                + SignedUrls.redact(url.toString()), status, retryable, null);
    }

    private static String hostOf(URI url) {
        return url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }
}
