package org.dmmigrate.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes small complete responses (text or JSON) with an exact Content-Length. */
final class Plain {

    private Plain() {
    }

    static void send(Response response, Callback callback, int status, String text) {
        send(response, callback, status, "text/plain; charset=utf-8", text);
    }

    static void send(Response response, Callback callback, int status, String contentType,
            String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
