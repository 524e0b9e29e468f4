package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content.Sink;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Serves the bytes of one asset: Range (206/416), If-Range, HEAD, ETag, exact
 * Content-Length, large-buffer streaming, and the CDN faults (5xx, reset, stall, truncation,
 * corruption, ignored range, changed content). Thread-safe; blocks the serving thread.
 */
final class FileResponder {

    private static final int BUFFER = 1 << 20;
    private static final long STALL_CAP_MILLIS = Duration.ofMinutes(10).toMillis();

    private final EmulatorContext context;

    FileResponder(EmulatorContext context) {
        this.context = context;
    }

    void serve(Request request, Response response, Callback callback, Located found) {
        Located located = found;
        String name = located.asset().name();
        if (context.faults().fire(FaultKind.CHANGE_CONTENT, "cdn", name).isPresent()) {
            context.store().revise(located.media().id(), name);
            EmulatedMedia media = context.store().media(located.media().id()).orElseThrow();
            located = new Located(media, media.assets().get(name), located.file());
        }
        Optional<Fault> failure = context.faults().fire(FaultKind.HTTP_ERROR, "cdn", name);
        if (failure.isPresent()) {
            Plain.send(response, callback, failure.get().integer("status", 503),
                    "Service unavailable (injected fault)\n");
            return;
        }

        Content content = located.content();
        long length = content.length();
        String etag = "\"" + content.etag() + "\"";
        String rangeHeader = request.getHeaders().get(HttpHeader.RANGE);
        String ifRange = request.getHeaders().get(HttpHeader.IF_RANGE);
        if (rangeHeader != null && ifRange != null && !ifRange.trim().equals(etag)) {
            rangeHeader = null;
        }
        if (rangeHeader != null
                && context.faults().fire(FaultKind.IGNORE_RANGE, "cdn", name).isPresent()) {
            rangeHeader = null;
        }
        ByteRange range;
        try {
            range = ByteRange.parse(rangeHeader, length);
        } catch (ByteRange.Unsatisfiable e) {
            response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + length);
            response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
            Plain.send(response, callback, 416, "Range not satisfiable\n");
            return;
        }

        long start = range == null ? 0 : range.start();
        long count = range == null ? length : range.length();
        response.setStatus(range == null ? 200 : 206);
        response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaView.contentType(located.asset()));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, count);
        if (range != null) {
            response.getHeaders().put(HttpHeader.CONTENT_RANGE,
                    "bytes " + range.start() + "-" + range.end() + "/" + length);
        }
        context.recorder().download(located.key());
        if (request.getMethod().equals("HEAD") || count == 0) {
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return;
        }

        BodyFaults faults = new BodyFaults(
                context.faults().fire(FaultKind.RESET, "cdn", name).orElse(null),
                context.faults().fire(FaultKind.STALL, "cdn", name).orElse(null),
                context.faults().fire(FaultKind.TRUNCATE, "cdn", name).orElse(null),
                corruptOffset(name, start, count));
        try {
            stream(request, response, located, start, count, faults);
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    private long corruptOffset(String name, long start, long count) {
        Optional<Fault> corrupt = context.faults().fire(FaultKind.CORRUPT, "cdn", name);
        if (corrupt.isEmpty()) {
            return -1;
        }
        long offset = corrupt.get().bytes("offset", -1);
        return offset >= 0 ? offset : start + context.faults().nextLong(count);
    }

    private void stream(Request request, Response response, Located located, long start,
            long count, BodyFaults faults) throws IOException {
        byte[] buffer = new byte[(int) Math.min(BUFFER, count)];
        long sent = 0;
        long cut = faults.cutAfter(count);
        long stallAt = faults.stall == null ? -1 : faults.stall.bytes("after", 0);
        try (InputStream in = located.content().open(start)) {
            while (sent < count) {
                if (sent == stallAt) {
                    stall(request, faults.stall);
                    stallAt = -1;
                }
                long limit = Math.min(count, cut);
                if (stallAt > sent) {
                    limit = Math.min(limit, stallAt);
                }
                if (sent >= limit) {
                    break;
                }
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - sent));
                if (read < 0) {
                    throw new IOException("content of media " + located.media().id()
                            + " asset " + located.asset().name() + " ended early");
                }
                long fileOffset = start + sent;
                if (faults.corruptAt >= fileOffset && faults.corruptAt < fileOffset + read) {
                    int index = (int) (faults.corruptAt - fileOffset);
                    buffer[index] = (byte) ~buffer[index];
                }
                // counted before the write so that a client holding the bytes sees them counted
                context.recorder().bytes(located.key(), read);
                try {
                    Sink.write(response, false, ByteBuffer.wrap(buffer, 0, read));
                } catch (IOException e) {
                    context.recorder().bytes(located.key(), -read);
                    throw e;
                }
                sent += read;
            }
        }
        if (sent < count) {
            abort(request, faults.reset != null);
            throw new IOException("connection cut by fault after " + sent + " bytes");
        }
    }

    private void stall(Request request, Fault stall) throws IOException {
        Duration pause = stall.duration("for");
        long deadline = System.currentTimeMillis()
                + (pause == null ? STALL_CAP_MILLIS : pause.toMillis());
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        while (System.currentTimeMillis() < deadline) {
            if (context.stopping() || !endPoint.isOpen() || peerClosed(endPoint)) {
                throw new IOException("stalled connection closed");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stalling", e);
            }
        }
    }

    /**
     * Whether the client hung up. Reading here is safe because a client waiting for this body
     * sends nothing more on the connection; only the end of stream matters.
     */
    private static boolean peerClosed(EndPoint endPoint) {
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                return !channel.isBlocking() && channel.read(ByteBuffer.allocate(1)) < 0;
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private static void abort(Request request, boolean reset) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // the close below still ends the connection, only without RST
                endPoint.close();
                return;
            }
        }
        endPoint.close();
    }

    /** The body faults chosen for one response. */
    private record BodyFaults(
            @Nullable Fault reset,
            @Nullable Fault stall,
            @Nullable Fault truncate,
            long corruptAt) {

        /** Number of bytes after which the connection is cut (count when never). */
        long cutAfter(long count) {
            long cut = count;
            if (reset != null) {
                cut = Math.min(cut, reset.bytes("after", 0));
            }
            if (truncate != null) {
                cut = Math.min(cut, truncate.bytes("after", count / 2));
            }
            return cut;
        }
    }
}
