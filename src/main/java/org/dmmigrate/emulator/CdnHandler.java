package org.dmmigrate.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The CDN routes: signed {@code /route/...} URLs (verified, then 302 to a token-protected
 * {@code /files/...} path), those file paths, and unsigned {@code /static/...} thumbnails.
 * Refusals are 403, unknown paths 404. Thread-safe.
 */
final class CdnHandler {

    /** How long the token of a redirect target stays valid at most. */
    static final long FILE_TOKEN_SECONDS = 600;

    private static final Set<String> PROTOCOLS =
            Set.of("hls", "rtmp", "hps", "http", "ss", "hds", "dash");

    private final EmulatorContext context;
    private final FileResponder responder;

    CdnHandler(EmulatorContext context) {
        this.context = context;
        this.responder = new FileResponder(context);
    }

    /** {@code GET|HEAD /route[/<protocol>]/<user>/<media>/<file>?...&auth=...}. */
    void route(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String[] parts = path.substring("/route/".length()).split("/");
        if (parts.length == 4 && PROTOCOLS.contains(parts[0])) {
            parts = new String[] {parts[1], parts[2], parts[3]};
        }
        Located located = parts.length == 3 ? locate(parts[0], parts[1], parts[2]) : null;
        if (located == null) {
            Plain.send(response, callback, 404, "Not found\n");
            return;
        }

        String auth = queryParameter(request.getHttpURI().getQuery(), "auth");
        String secret = context.store().user(located.media().ownerId())
                .map(EmulatedUser::apiKey).orElse("");
        String clientIp = Request.getRemoteAddr(request);
        String agent = request.getHeaders().get(HttpHeader.USER_AGENT);
        String refusal = context.signer().verify(context.baseUrl() + path, auth, secret,
                context.nowSeconds(), clientIp, agent);
        if (refusal != null) {
            String host = request.getHeaders().get(HttpHeader.HOST);
            if (host != null && context.signer().verify(scheme() + host + path, auth, secret,
                    context.nowSeconds(), clientIp, agent) == null) {
                refusal = null;
            }
        }
        if (refusal == null && context.faults().fire(FaultKind.EXPIRE, "cdn",
                located.asset().name()).isPresent()) {
            refusal = "expired early (injected fault)";
        }
        if (refusal != null) {
            Plain.send(response, callback, 403, "Forbidden: " + refusal + "\n");
            return;
        }

        long expires = Math.min(Long.parseLong(auth.substring(0, auth.indexOf('-'))),
                context.nowSeconds() + FILE_TOKEN_SECONDS);
        String filePath = "/files/" + located.media().ownerId() + "/" + located.media().id()
                + "/" + located.file();
        String location = context.baseUrl() + filePath + "?token=" + expires + "-"
                + context.seal(filePath + expires);
        response.setStatus(302);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    }

    /** {@code GET|HEAD /files/<user>/<media>/<file>?token=<expires>-<seal>}. */
    void file(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String[] parts = path.substring("/files/".length()).split("/");
        Located located = parts.length == 3 ? locate(parts[0], parts[1], parts[2]) : null;
        if (located == null) {
            Plain.send(response, callback, 404, "Not found\n");
            return;
        }
        String token = queryParameter(request.getHttpURI().getQuery(), "token");
        int dash = token == null ? -1 : token.indexOf('-');
        if (dash <= 0 || !Hashes.same(context.seal(path + token.substring(0, dash)),
                token.substring(dash + 1))) {
            Plain.send(response, callback, 403, "Forbidden: bad or missing token\n");
            return;
        }
        long expires;
        try {
            expires = Long.parseLong(token.substring(0, dash));
        } catch (NumberFormatException e) {
            expires = 0;
        }
        if (expires < context.nowSeconds()) {
            Plain.send(response, callback, 403, "Forbidden: token expired\n");
            return;
        }
        responder.serve(request, response, callback, located);
    }

    /** {@code GET|HEAD /static/<user>/<media>/<asset>-<version>.jpeg}, unsigned. */
    void thumbnail(Request request, Response response, Callback callback) {
        String[] parts = request.getHttpURI().getPath().substring("/static/".length()).split("/");
        Located located = parts.length == 3 ? locate(parts[0], parts[1], parts[2]) : null;
        if (located == null || !MediaView.isThumbnail(located.asset())) {
            Plain.send(response, callback, 404, "Not found\n");
            return;
        }
        responder.serve(request, response, callback, located);
    }

    private String scheme() {
        return context.baseUrl().substring(0, context.baseUrl().indexOf("//") + 2);
    }

    private @Nullable Located locate(String userId, String mediaId, String file) {
        Optional<EmulatedMedia> media = context.store().media(mediaId)
                .filter(m -> m.ownerId().equals(userId));
        if (media.isEmpty()) {
            return null;
        }
        EmulatedAsset asset = media.get().assets().get(assetName(file));
        if (asset == null || asset.content() == null) {
            return null;
        }
        return new Located(media.get(), asset, file);
    }

    /** {@code mp4_h264_aac-1399993800.mp4} gives {@code mp4_h264_aac}. */
    static String assetName(String file) {
        String stem = file;
        int dot = stem.indexOf('.');
        if (dot > 0) {
            stem = stem.substring(0, dot);
        }
        int dash = stem.lastIndexOf('-');
        if (dash > 0 && stem.substring(dash + 1).chars().allMatch(Character::isDigit)) {
            stem = stem.substring(0, dash);
        }
        return stem;
    }

    static @Nullable String queryParameter(@Nullable String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1),
                        StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
