package org.dmmigrate.emulator;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes every request of the emulator's one port: {@code POST /api}, {@code POST /upload},
 * and the CDN paths {@code /route/}, {@code /files/}, {@code /static/}. Thread-safe.
 */
final class EmulatorHandler extends Handler.Abstract {

    private final ApiEndpoint api;
    private final CdnHandler cdn;
    private final UploadHandler upload;

    EmulatorHandler(EmulatorContext context) {
        this.api = new ApiEndpoint(context);
        this.cdn = new CdnHandler(context);
        this.upload = new UploadHandler(context);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");

        if (path.equals("/api") && method.equals("POST")) {
            byte[] body = Request.asInputStream(request).readAllBytes();
            ApiEndpoint.Answer answer = api.handle(body);
            Plain.send(response, callback, answer.status(), answer.contentType(), answer.body());
        } else if (path.equals("/upload") && method.equals("POST")) {
            upload.handle(request, response, callback);
        } else if (path.startsWith("/route/") && read) {
            cdn.route(request, response, callback);
        } else if (path.startsWith("/files/") && read) {
            cdn.file(request, response, callback);
        } else if (path.startsWith("/static/") && read) {
            cdn.thumbnail(request, response, callback);
        } else if (read && !path.equals("/api") && !path.equals("/upload")) {
            Plain.send(response, callback, 404, "Not found\n");
        } else {
            Plain.send(response, callback, 405, "Method not allowed\n");
        }
        return true;
    }
}
