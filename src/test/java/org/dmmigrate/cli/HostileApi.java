package org.dmmigrate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.dmmigrate.protocol.http.JsonCodec;
import org.jspecify.annotations.Nullable;

/**
 * A CloudKey API and CDN on 127.0.0.1 that answers honestly from a small organisation until
 * a test overrides a call with a hostile answer. It checks no signature: it exists to feed
 * the tools bodies that no real service should send. Thread-safe.
 */
final class HostileApi implements AutoCloseable {

    static final String ADMIN_ID = "a0000000000000000000000a";
    static final String ADMIN_KEY = "hostile-admin-key-not-for-output";
    static final String ORG_ID = "0000000000000000000000f0";

    /** What the test server sends back for one request. */
    record Reply(int status, String type, byte[] body) {

        static Reply json(@Nullable Object result) {
            Map<String, @Nullable Object> response = new LinkedHashMap<>();
            response.put("result", result);
            return new Reply(200, "application/json", CODEC.encode(response));
        }

        static Reply raw(int status, String type, String body) {
            return new Reply(status, type, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One API request as the server read it. */
    record Request(String call, Map<String, @Nullable Object> args, @Nullable String actAs) {

        long page() {
            return args.get("page") instanceof Number number ? number.longValue() : 1;
        }
    }

    /** A hostile answer to a call; {@code honest} gives what a sane service would answer. */
    @FunctionalInterface
    interface Answer {
        Reply answer(Request request, Supplier<Reply> honest);
    }

    private static final JsonCodec CODEC = new JsonCodec();

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs:
        // 40 ms a call, and the never-ending listing would take minutes.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Map<String, @Nullable Object>> users = new ArrayList<>();
    private final Map<String, List<Map<String, @Nullable Object>>> media =
            new ConcurrentHashMap<>();
    private final Map<String, Map<String, @Nullable Object>> assets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    private HostileApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api", this::api);
        server.createContext("/cdn/", this::cdn);
        server.createContext("/away", this::away);
        server.setExecutor(executor);
        server.start();
    }

    static HostileApi start() {
        try {
            return new HostileApi();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the hostile API server", e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long calls() {
        return calls.get();
    }

    /** Adds a user as {@code user.search} lists it. */
    HostileApi user(String id, @Nullable Object username) {
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("username", username);
        users.add(item);
        media.putIfAbsent(id, new ArrayList<>());
        return this;
    }

    /** Adds a media with a ready source asset whose bytes depend on the media id only. */
    HostileApi media(String userId, String mediaId, @Nullable Object title) {
        Map<String, @Nullable Object> meta = new LinkedHashMap<>();
        meta.put("title", title);
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("id", mediaId);
        item.put("meta", meta);
        media.computeIfAbsent(userId, id -> new ArrayList<>()).add(item);

        byte[] bytes = ("source of media " + mediaId + "\n").repeat(50)
                .getBytes(StandardCharsets.UTF_8);
        String path = "/cdn/" + HexFormat.of().formatHex(mediaId.getBytes(
                StandardCharsets.UTF_8)) + "/source.mp4";
        files.put(path, bytes);
        Map<String, @Nullable Object> source = new LinkedHashMap<>();
        source.put("status", "ready");
        source.put("container", "MPEG-4");
        source.put("file_extension", "mp4");
        source.put("file_size", (long) bytes.length);
        source.put("checksum", md5(bytes));
        source.put("download_url", baseUrl() + path);
        Map<String, @Nullable Object> all = new LinkedHashMap<>();
        all.put("source", source);
        assets.put(mediaId, all);
        return this;
    }

    /** The assets {@code media.get_assets} answers for a media, to change in place. */
    Map<String, @Nullable Object> assetsOf(String mediaId) {
        return assets.get(mediaId);
    }

    /** The bytes the CDN serves for every file, by the URL that serves them. */
    Map<String, byte[]> served() {
        Map<String, byte[]> byUrl = new LinkedHashMap<>();
        files.forEach((path, bytes) -> byUrl.put(baseUrl() + path, bytes));
        return byUrl;
    }

    /** Answers {@code call} with {@code answer} from now on. */
    HostileApi on(String call, Answer answer) {
        answers.put(call, answer);
        return this;
    }

    /** The honest result of a paginated listing of {@code items}. */
    static Map<String, @Nullable Object> page(List<Map<String, @Nullable Object>> items,
            Request request) {
        int perPage = request.args().get("per_page") instanceof Number n ? n.intValue() : 10;
        long page = request.page();
        int from = (int) Math.min(items.size(), (page - 1) * perPage);
        int to = Math.min(items.size(), from + perPage);
        long pages = Math.max(1, (items.size() + perPage - 1) / perPage);
        Map<String, @Nullable Object> result = new LinkedHashMap<>();
        result.put("list", new ArrayList<>(items.subList(from, to)));
        result.put("page", page);
        result.put("pages", pages);
        result.put("per_page", (long) perPage);
        result.put("total", (long) items.size());
        result.put("has_more", page < pages);
        return result;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply honest(Request request) {
        return switch (request.call()) {
            case "organisation.get" -> Reply.json(Map.of("id", ORG_ID, "name", "Hostile"));
            case "user.search" -> Reply.json(page(users, request));
            case "media.search" -> Reply.json(page(media.getOrDefault(
                    String.valueOf(request.actAs()), List.of()), request));
            case "media.get_assets" -> assetsAnswer(request);
            default -> Reply.raw(200, "application/json",
                    "{\"error\": {\"code\": 620, \"message\": \"unknown method\"}}");
        };
    }

    private Reply assetsAnswer(Request request) {
        Object id = request.args().get("id");
        Map<String, @Nullable Object> all = assets.get(String.valueOf(id));
        if (all == null) {
            return Reply.raw(200, "application/json",
                    "{\"error\": {\"code\": 1010, \"message\": \"media not found\"}}");
        }
        Object names = request.args().get("assets_names");
        if (!(names instanceof List<?> wanted)) {
            return Reply.json(all);
        }
        Map<String, @Nullable Object> some = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (wanted.contains(name)) {
                some.put(name, value);
            }
        });
        return Reply.json(some);
    }

    @SuppressWarnings("unchecked")
    private void api(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, @Nullable Object> tree = (Map<String, @Nullable Object>) CODEC.decode(body);
            Object args = tree.get("args");
            String auth = String.valueOf(tree.get("auth"));
            String infos = auth.contains(":") ? auth.substring(0, auth.indexOf(':')) : auth;
            String actAs = infos.contains("/") ? infos.substring(infos.indexOf('/') + 1) : null;
            Request request = new Request(String.valueOf(tree.get("call")),
                    args instanceof Map<?, ?> map ? (Map<String, @Nullable Object>) map
                            : Map.of(), actAs);
            Answer answer = answers.get(request.call());
            Reply reply = answer == null ? honest(request)
                    : answer.answer(request, () -> honest(request));
            send(exchange, reply);
        }
    }

    private void cdn(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = files.get(exchange.getRequestURI().getPath());
            if (bytes == null) {
                send(exchange, Reply.raw(404, "text/plain", "no such file"));
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            long start = range != null && range.matches("bytes=\\d+-")
                    ? Long.parseLong(range.substring(6, range.length() - 1)) : 0;
            if (start > 0 && start < bytes.length) {
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
                exchange.sendResponseHeaders(206, bytes.length - start);
                exchange.getResponseBody().write(bytes, (int) start, (int) (bytes.length - start));
                return;
            }
            send(exchange, new Reply(200, "video/mp4", bytes));
        }
    }

    /** A CDN that sends the download elsewhere: {@code /away?to=URL} redirects to URL. */
    private void away(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = String.valueOf(exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders().set("Location", java.net.URLDecoder.decode(
                    query.replaceFirst("^to=", ""), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.type());
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1
                : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
