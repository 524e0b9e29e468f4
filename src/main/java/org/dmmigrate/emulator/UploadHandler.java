package org.dmmigrate.emulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /upload?uuid=..&seal=..}: takes the multipart part {@code file} of a slot that
 * {@code file.upload} issued and answers {@code {url, seal, hash, name, size}}; the URL is
 * what {@code media.create} accepts. Bodies are held in memory. Thread-safe.
 */
final class UploadHandler {

    private final EmulatorContext context;

    UploadHandler(EmulatorContext context) {
        this.context = context;
    }

    void handle(Request request, Response response, Callback callback) throws IOException {
        String query = request.getHttpURI().getQuery();
        String uuid = CdnHandler.queryParameter(query, "uuid");
        String seal = CdnHandler.queryParameter(query, "seal");
        if (uuid == null || seal == null || !Hashes.same(context.seal(uuid), seal)) {
            Plain.send(response, callback, 403, "Forbidden: unknown upload slot\n");
            return;
        }
        byte[] body = Request.asInputStream(request).readAllBytes();
        MultipartForm.Part part;
        try {
            part = MultipartForm.parse(request.getHeaders().get(HttpHeader.CONTENT_TYPE), body)
                    .part("file");
        } catch (IllegalArgumentException e) {
            Plain.send(response, callback, 400, "Bad upload: " + e.getMessage() + "\n");
            return;
        }
        if (part == null) {
            Plain.send(response, callback, 400, "Bad upload: no part named 'file'\n");
            return;
        }

        String filename = part.filename() == null ? "file" : baseName(part.filename());
        int dot = filename.lastIndexOf('.');
        String name = dot > 0 ? filename.substring(0, dot) : filename;
        String extension = dot > 0 ? filename.substring(dot + 1) : "";
        String url = context.baseUrl() + "/uploads/" + uuid
                + (extension.isEmpty() ? "" : "." + extension);
        UploadedContent content = new UploadedContent(part.bytes());
        String sha1 = Hashes.sha1(part.bytes());
        context.store().addUpload(new Upload(uuid, url, name, extension, content, sha1));
        context.recorder().uploaded(part.bytes().length);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", url);
        out.put("seal", context.seal(url));
        out.put("hash", sha1);
        out.put("name", name);
        out.put("size", part.bytes().length);
        Plain.send(response, callback, 200, "application/json", PythonJson.write(out));
    }

    private static String baseName(String filename) {
        String name = filename.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
