package org.dmmigrate.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 GET over a plain socket, keeping whatever arrived when the connection broke:
 * the way to tell a reset from a truncation from a stall.
 */
final class RawHttp {

    /**
     * What arrived.
     *
     * @param status the status code
     * @param headers lowercase header names to values
     * @param body the body bytes received
     * @param failure the exception that ended the read, or null on a clean end of stream
     */
    record Received(int status, Map<String, String> headers, byte[] body,
            @Nullable IOException failure) {

        long contentLength() {
            return Long.parseLong(headers.get("content-length"));
        }
    }

    private RawHttp() {
    }

    static Received get(String url, int timeoutMillis) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? ""
                    : "?" + uri.getRawQuery());
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            IOException failure = null;
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    body.write(buffer, 0, read);
                }
            } catch (IOException e) {
                failure = e;
            }
            return new Received(status, headers, body.toByteArray(), failure);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the response head");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)
                    ? matched + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }
}
