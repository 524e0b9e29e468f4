package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain GET/HEAD/POST helpers for CDN and upload tests; redirects are never followed. */
final class TestHttp {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<byte[]> get(String url, String... headers) {
        return send(request(url, headers).GET().build());
    }

    HttpResponse<byte[]> head(String url, String... headers) {
        return send(request(url, headers).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** GETs a signed /route URL, checks it redirects, and GETs the target with the headers. */
    HttpResponse<byte[]> download(String url, String... headers) {
        HttpResponse<byte[]> redirect = get(url);
        if (redirect.statusCode() != 302) {
            return redirect;
        }
        return get(redirect.headers().firstValue("Location").orElseThrow(), headers);
    }

    /** The redirect target of a signed URL. */
    String location(String url) {
        HttpResponse<byte[]> redirect = get(url);
        if (redirect.statusCode() != 302) {
            throw new AssertionError("expected 302 from " + url + ", got "
                    + redirect.statusCode());
        }
        return redirect.headers().firstValue("Location").orElseThrow();
    }

    /** POSTs one multipart part named {@code file}. */
    HttpResponse<byte[]> upload(String url, String filename, byte[] bytes) {
        String boundary = "----testboundary7f3a";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream"
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpClient client() {
        return http;
    }

    private static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
