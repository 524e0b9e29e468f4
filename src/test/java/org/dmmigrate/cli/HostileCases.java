package org.dmmigrate.cli;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmmigrate.cli.HostileApi.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The hostile answers dmdownload and dmsize must survive, each with the exit code and the
 * message fragment a user should see. Every case starts from user alice with two media.
 */
final class HostileCases {

    static final String ALICE = "b0000000000000000000000b";
    static final String HOLIDAY = "c00000000000000000000001";
    static final String WORK = "c00000000000000000000002";

    private static final String HTML_502 = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
            + "</body></html>";

    /** How a case shapes the server. */
    @FunctionalInterface
    interface Arrange {
        void on(HostileApi api);
    }

    /**
     * One row of the table.
     *
     * @param ownFiles whether every source the server holds must end up in a file of its own
     */
    record Case(String name, String tool, Arrange arrange, int exit, String fragment,
            boolean ownFiles) {

        @Override
        public String toString() {
            return tool + ": " + name;
        }
    }

    private HostileCases() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(transport());
        cases.addAll(shapes());
        cases.addAll(paging());
        cases.addAll(names());
        cases.addAll(links());
        cases.addAll(sizeCases());
        cases.addAll(fullOnly());
        return cases;
    }

    static void base(HostileApi api) {
        api.user(ALICE, "alice").media(ALICE, HOLIDAY, "Holiday").media(ALICE, WORK, "Work");
    }

    private static List<Case> transport() {
        return List.of(
                download("honest organisation", api -> { }, ExitCodes.OK, "complete", true),
                download("HTML 502 page on every call", api -> everywhere(api,
                        Reply.raw(502, "text/html", HTML_502)), ExitCodes.UNREACHABLE,
                        "organisation.get failed with error 500 (SERIALIZER), HTTP 502", false),
                download("HTML 502 page on media.search", api -> api.on("media.search",
                        (request, honest) -> Reply.raw(502, "text/html", HTML_502)),
                        ExitCodes.INCOMPLETE, "alice/media.json: listing failed: call "
                                + "media.search", false),
                download("200 with a text body", api -> api.on("organisation.get",
                        (request, honest) -> Reply.raw(200, "text/plain", "OK")),
                        ExitCodes.UNREACHABLE, "answer is not JSON (2 bytes: 'OK')", false),
                download("200 with truncated JSON", api -> api.on("user.search",
                        (request, honest) -> Reply.raw(200, "application/json",
                                "{\"result\": {\"list\": [{\"id\"")),
                        ExitCodes.UNREACHABLE, "user.search failed with error 500", false),
                download("a JSON list instead of an object", api -> api.on("organisation.get",
                        (request, honest) -> Reply.raw(200, "application/json", "[1, 2]")),
                        ExitCodes.UNREACHABLE, "answer is not a JSON object", false),
                download("error member without a code", api -> api.on("organisation.get",
                        (request, honest) -> Reply.raw(200, "application/json",
                                "{\"error\": \"boom\"}")),
                        ExitCodes.UNREACHABLE, "error member without a numeric code", false));
    }

    private static List<Case> shapes() {
        return List.of(
                download("no result member (organisation.get)", api -> api.on(
                        "organisation.get", (request, honest) -> Reply.raw(200,
                                "application/json", "{}")),
                        ExitCodes.UNREACHABLE, "no organisation id in the answer", false),
                download("no result member (media.search)", api -> api.on("media.search",
                        (request, honest) -> Reply.raw(200, "application/json", "{}")),
                        ExitCodes.INCOMPLETE, "media.search page 1: result is not an object",
                        false),
                download("user without username", api -> api.on("user.search",
                        (request, honest) -> Reply.json(Map.of("list", List.of(Map.of(
                                "id", ALICE)), "has_more", false))),
                        ExitCodes.UNREACHABLE, "a user without a string id and username", false),
                download("username is a number", api -> api.on("user.search",
                        (request, honest) -> Reply.json(Map.of("list", List.of(Map.of(
                                "id", ALICE, "username", 42L)), "has_more", false))),
                        ExitCodes.UNREACHABLE, "a user without a string id and username", false),
                download("media without id", api -> api.on("media.search",
                        (request, honest) -> Reply.json(Map.of("list", List.of(Map.of(
                                "meta", Map.of("title", "x"))), "has_more", false))),
                        ExitCodes.INCOMPLETE, "a media without a string id for user alice",
                        false),
                download("list is an object", api -> api.on("media.search",
                        (request, honest) -> Reply.json(Map.of("list", Map.of("id", HOLIDAY),
                                "has_more", false))),
                        ExitCodes.INCOMPLETE, "result has no list (list=LinkedHashMap)", false),
                download("assets are a list", api -> api.on("media.get_assets",
                        (request, honest) -> Reply.json(List.of("source"))),
                        ExitCodes.INCOMPLETE, "is not an object of assets", false),
                download("asset without status", api -> api.assetsOf(HOLIDAY).put("source",
                        without(api.assetsOf(HOLIDAY).get("source"), "status")),
                        ExitCodes.INCOMPLETE, "source: status missing", false),
                download("status is a number", api -> put(api, HOLIDAY, "status", 1L),
                        ExitCodes.INCOMPLETE, "source: status 1", false),
                download("file_size is a string", api -> put(api, HOLIDAY, "file_size",
                        "1250"), ExitCodes.INCOMPLETE, "file_size 1250 is not a whole number",
                        false),
                download("title is an object", api -> api.on("media.search",
                        (request, honest) -> Reply.json(Map.of("list", List.of(Map.of("id",
                                HOLIDAY, "meta", Map.of("title", Map.of("x", 1L)))),
                                "has_more", false))),
                        ExitCodes.OK, "complete", false),
                download("file_size beyond a long", api -> put(api, HOLIDAY, "file_size",
                        BigInteger.TEN.pow(30)), ExitCodes.INCOMPLETE,
                        "file_size 1" + "0".repeat(30) + " is not a whole number", false),
                download("file_size of 2^63-1", api -> put(api, HOLIDAY, "file_size",
                        Long.MAX_VALUE), ExitCodes.INCOMPLETE, "the listing said " + Long.MAX_VALUE,
                        false),
                download("pages of 2^63-1", api -> api.on("media.search",
                        (request, honest) -> Reply.json(with(honest, "pages", Long.MAX_VALUE))),
                        ExitCodes.OK, "complete", true),
                download("total beyond a long", api -> api.on("media.search",
                        (request, honest) -> Reply.json(with(honest, "total",
                                BigInteger.TEN.pow(25)))),
                        ExitCodes.OK, "complete", true));
    }

    private static List<Case> paging() {
        return List.of(
                download("the same page forever", api -> api.on("media.search",
                        (request, honest) -> Reply.json(Map.of("list", List.of(item(HOLIDAY,
                                "Holiday")), "has_more", true))),
                        ExitCodes.INCOMPLETE, "same items as page 1", false),
                download("has_more forever past total", api -> api.on("media.search",
                        (request, honest) -> Reply.json(Map.of("list", List.of(item(
                                String.format("d%023x", request.page()), "p")),
                                "has_more", true, "total", 3L))),
                        ExitCodes.INCOMPLETE, "more than total=3", false),
                download("the same media on several pages", api -> api.on("media.search",
                        (request, honest) -> Reply.json(Map.of("list", request.page() == 1
                                ? List.of(item(HOLIDAY, "Holiday"), item(WORK, "Work"))
                                : request.page() == 2 ? List.of(item(WORK, "Work"),
                                        item(HOLIDAY, "Holiday")) : List.of(item(WORK, "Work")),
                                "has_more", request.page() < 3))),
                        ExitCodes.OK, "media listed      2", true));
    }

    /** Runs the long cases too (-Dchaos.scale=full), else the short ones only. */
    static boolean full() {
        return "full".equals(System.getProperty("chaos.scale"));
    }

    /** The cases that take long: 10,000 pages of a listing that never ends, many titles. */
    private static List<Case> fullOnly() {
        if (!full()) {
            return List.of();
        }
        return List.of(
                download("fresh pages forever, nothing announced", api -> api.on(
                        "media.search", (request, honest) -> Reply.json(Map.of("list",
                                freshPage(request.page()), "has_more", true))),
                        ExitCodes.INCOMPLETE, "the listing does not end", false),
                titles("500 seeded random hostile titles", randomTitles(500)));
    }

    /** Titles made of the pieces that break naive path code, drawn with a fixed seed. */
    static String[] randomTitles(int count) {
        String[] pieces = {"..", "/", ".", "\u0000", "a", "A", "\u00e9", "e\u0301", "CON",
            " ", "~", "media.json", "\\", ":", "*", "\u202e", "\ud83c\udfac"};
        java.util.Random random = new java.util.Random(6);
        String[] titles = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder title = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int j = 0; j < length; j++) {
                title.append(pieces[random.nextInt(pieces.length)]);
            }
            titles[i] = title.toString();
        }
        return titles;
    }

    private static List<Case> names() {
        String nfc = Normalizer.normalize("Vidéo", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("Vidéo", Normalizer.Form.NFD);
        return List.of(
                titles("titles that climb out", "..", "../../x", "/abs", "a/../../b", "/"),
                titles("titles with NUL, dot, empty", "a\u0000b", ".", "", "\n", "./."),
                titles("titles differing in case or normalisation", "Holiday", "holiday",
                        "HOLIDAY", nfc, nfd),
                titles("titles colliding after sanitising", "a/b", "a__b", "a..b", "a/.b"),
                titles("Windows reserved titles", "CON", "nul", "aux.txt", "COM1",
                        "end dot.", "end space "),
                titles("titles named like the tool's files", "media.json", "media.json.tmp",
                        "assets.json", "MANIFEST.tsv"),
                titles("30 seeded random hostile titles", randomTitles(30)),
                download("usernames that climb out", api -> users(api, "..", "../../x",
                        "/abs", "", "."), ExitCodes.OK, "complete", true),
                download("usernames colliding after sanitising", api -> users(api, "a/b",
                        "a__b", "a..b"), ExitCodes.INCOMPLETE, "shares the folder", false),
                download("usernames named like the tool's files", api -> users(api,
                        "MANIFEST.tsv", "catalog", ".dmmigrate.lock", "REPORT.txt",
                        "SHA256SUMS"), ExitCodes.OK, "complete", true),
                download("media ids that climb out", api -> mediaIds(api, "Same", "../../x",
                        "..", "/abs"), ExitCodes.OK, "complete", true),
                download("media ids colliding after sanitising", api -> mediaIds(api, "Same",
                        "a/b", "a__b", "a..b"), ExitCodes.OK, "complete", true),
                download("media id media.json with an empty title", api -> mediaIds(api, "",
                        "media.json", "media.json.tmp"), ExitCodes.OK, "complete", true));
    }

    private static List<Case> links() {
        return List.of(
                download("download_url with file:", api -> put(api, HOLIDAY, "download_url",
                        "file:///etc/passwd"), ExitCodes.INCOMPLETE, "not http or https",
                        false),
                download("CDN redirect to file:", api -> put(api, HOLIDAY, "download_url",
                        api.baseUrl() + "/away?to=file%3A%2F%2F%2Fetc%2Fpasswd"),
                        ExitCodes.INCOMPLETE, "which is not an http or https URL", false),
                download("download_url on a closed port", api -> put(api, HOLIDAY,
                        "download_url", "http://127.0.0.1:9/x"), ExitCodes.INCOMPLETE,
                        "cannot reach the CDN at 127.0.0.1:9", false),
                download("download_url serving other bytes", api -> put(api, HOLIDAY,
                        "download_url", api.assetsOf(WORK).get("source") instanceof Map<?, ?> s
                                ? s.get("download_url") : null),
                        ExitCodes.INCOMPLETE, "MD5", false));
    }

    private static List<Case> sizeCases() {
        return List.of(
                new Case("HTML 502 page on every call", "dmsize", api -> everywhere(api,
                        Reply.raw(502, "text/html", HTML_502)), ExitCodes.UNREACHABLE,
                        "HTTP 502", false),
                new Case("media without id", "dmsize", api -> api.on("media.search",
                        (request, honest) -> Reply.json(Map.of("list", List.of(Map.of(
                                "meta", Map.of("title", "x"))), "has_more", false))),
                        ExitCodes.INCOMPLETE, "a media without a string id", false),
                new Case("two files of 2^63-1 bytes", "dmsize", api -> {
                    put(api, HOLIDAY, "file_size", Long.MAX_VALUE);
                    put(api, WORK, "file_size", Long.MAX_VALUE);
                }, ExitCodes.OK, "DOES NOT FIT", false));
    }

    private static Case download(String name, Arrange arrange, int exit, String fragment,
            boolean ownFiles) {
        return new Case(name, "dmdownload", arrange, exit, fragment, ownFiles);
    }

    private static Case titles(String name, String... titles) {
        return download(name, api -> {
            for (int i = 0; i < titles.length; i++) {
                api.media(ALICE, String.format("e%023x", i), titles[i]);
            }
        }, ExitCodes.OK, "complete", true);
    }

    private static void users(HostileApi api, String... usernames) {
        for (int i = 0; i < usernames.length; i++) {
            String id = String.format("f%023x", i);
            api.user(id, usernames[i]).media(id, String.format("e%023x", i), "Same");
        }
    }

    private static void mediaIds(HostileApi api, String title, String... ids) {
        for (String id : ids) {
            api.media(ALICE, id, title);
        }
    }

    private static void everywhere(HostileApi api, Reply reply) {
        for (String call : List.of("organisation.get", "user.search", "media.search",
                "media.get_assets")) {
            api.on(call, (request, honest) -> reply);
        }
    }

    private static Map<String, @Nullable Object> item(String id, String title) {
        return Map.of("id", id, "meta", Map.of("title", title));
    }

    private static List<Map<String, @Nullable Object>> freshPage(long page) {
        List<Map<String, @Nullable Object>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(item(String.format("d%015x%08x", page, i), "p"));
        }
        return items;
    }

    private static void put(HostileApi api, String mediaId, String key, @Nullable Object value) {
        Object source = api.assetsOf(mediaId).get("source");
        Map<String, @Nullable Object> changed = with(source, key, value);
        api.assetsOf(mediaId).put("source", changed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> with(@Nullable Object tree, String key,
            @Nullable Object value) {
        Object map = tree instanceof Reply reply ? decode(reply) : tree;
        Map<String, @Nullable Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, @Nullable Object> with(java.util.function.Supplier<Reply> honest,
            String key, @Nullable Object value) {
        return with(honest.get(), key, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> without(@Nullable Object tree, String key) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>((Map<String, Object>) tree);
        copy.remove(key);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object decode(Reply reply) {
        try {
            Map<String, Object> response = (Map<String, Object>) new org.dmmigrate.protocol.http
                    .JsonCodec().decode(reply.body());
            return response.get("result");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
