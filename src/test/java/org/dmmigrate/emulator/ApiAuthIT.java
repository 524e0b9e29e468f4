package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Signature verification and the refusals of spec 2.3, over raw HTTP bodies. */
class ApiAuthIT {

    private static final Set<String> KNOWN_USERS = Set.of(TestCatalog.ADMIN.id(),
            TestCatalog.RECORDED.id());

    private static Emulator emulator;
    private static TestApi api;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().catalog(new TestCatalog()).port(0).build().start();
        api = new TestApi(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static List<JsonNode> vectorsOfTheTestOrganisation() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode vector : NormalizerTest.authVectors()) {
            if (KNOWN_USERS.contains(vector.get("user_id").asText())) {
                out.add(vector);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("vectorsOfTheTestOrganisation")
    void acceptsTheExactBodyOfEveryAuthVector(JsonNode vector) {
        String body = vector.has("body_example") ? vector.get("body_example").asText()
                : phpBody(vector);

        JsonNode response = TestApi.parse(api.post(body).body());

        assertThat(response.path("error").path("code").asInt(0)).as(response.toString())
                .isNotEqualTo(400);
    }

    @Test
    void answersTheOrganisationVectorWithTheOrganisation() throws IOException {
        JsonNode vector = vector("backup-organisation.get");

        JsonNode response = TestApi.parse(api.post(vector.get("body_example").asText()).body());

        assertThat(response.get("result").get("id").asText()).isEqualTo(TestCatalog.ORG);
    }

    @Test
    void answersTheDelegatedSearchVectorAsTheTargetUser() throws IOException {
        JsonNode vector = vector("backup-media.search-act-as");

        JsonNode response = TestApi.parse(api.post(vector.get("body_example").asText()).body());

        assertThat(response.get("result").get("page").asInt()).isEqualTo(2);
        assertThat(response.get("result").get("total").asInt()).isEqualTo(1);
        assertThat(emulator.recorder().calls().get(emulator.recorder().calls().size() - 1)
                .actAsId()).isEqualTo(TestCatalog.ALICE.id());
    }

    @Test
    void acceptsPhpBodiesWithoutArgsAndWithEscapedSlashes() throws IOException {
        JsonNode noArgs = vector("php-style-no-args");
        JsonNode slashes = vector("nested-list-of-dicts");
        String compact = TestApi.JSON.writeValueAsString(slashes.get("request"));
        String escaped = compact.substring(0, compact.length() - 1).replace("/", "\\/")
                + ",\"auth\":\"" + slashes.get("auth").asText() + "\"}";

        JsonNode first = TestApi.parse(api.post(phpBody(noArgs)).body());
        JsonNode second = TestApi.parse(api.post(escaped).body());

        assertThat(escaped).contains("http:\\/\\/");
        assertThat(first.has("result")).as(first.toString()).isTrue();
        assertThat(second.path("error").path("code").asInt()).isEqualTo(1010);
    }

    @Test
    void acceptsJavaBodiesInRawUtf8WithAnyKeyOrder() throws IOException {
        JsonNode vector = vector("unicode-meta");
        JsonNode args = vector.get("request").get("args");
        String javaStyle = "{\"auth\":\"" + vector.get("auth").asText() + "\",\"args\":{"
                + "\"meta\":{\"title\":\"" + args.get("meta").get("title").asText() + "\"},"
                + "\"id\":\"" + args.get("id").asText() + "\"},\"call\":\"media.set_meta\"}";

        HttpResponse<String> response = api.post(javaStyle.getBytes(StandardCharsets.UTF_8));

        assertThat(javaStyle).contains("\u00e9", "\uD83D\uDE00");
        assertThat(TestApi.parse(response.body()).path("error").path("code").asInt())
                .isEqualTo(1010);
    }

    @Test
    void setsAUnicodeTitleSentAsRawUtf8ByTheOwner() {
        String title = "Vid\u00e9o d\u2019\u00e9t\u00e9 \u2603 \uD83D\uDE00";
        ObjectNode args = TestApi.args().put("id", TestCatalog.VIDEO);
        args.putObject("meta").put("title", title);

        api.result(TestCatalog.ALICE, "media.set_meta", args);
        JsonNode meta = api.result(TestCatalog.ALICE, "media.get_meta",
                TestApi.args().put("id", TestCatalog.VIDEO));

        assertThat(meta.get("title").asText()).isEqualTo(title);
    }

    @Test
    void answersInPythonJsonStyleWithHttp200() {
        ObjectNode args = TestApi.args().put("id", TestCatalog.VIDEO);
        args.putArray("fields").add("id").add("meta.title");
        ObjectNode request = TestApi.JSON.createObjectNode().put("call", "media.info");
        request.set("args", args);
        request.put("auth", TestSigner.auth(TestCatalog.ALICE.id(), TestCatalog.ALICE.apiKey(),
                request));

        HttpResponse<String> response = api.post(request.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).startsWith("{\"result\": {\"id\": \"" + TestCatalog.VIDEO
                + "\", \"meta\": {\"title\": \"Vid\\u00e9o d\\u2019");
        assertThat(response.body()).matches("\\p{ASCII}*");
    }

    @Test
    void refusesAMissingAuth() {
        assertThat(code("{\"call\": \"media.list\", \"args\": {}}")).isEqualTo(400);
    }

    @Test
    void refusesAnAuthWithoutColon() {
        assertThat(code("{\"call\": \"media.list\", \"args\": {}, \"auth\": \"abc\"}"))
                .isEqualTo(400);
    }

    @Test
    void refusesAnUnknownCaller() {
        EmulatedUser stranger = new EmulatedUser("5000000000000000000000ff", "x",
                TestCatalog.ADMIN.apiKey(), true);

        assertThat(api.errorCode(stranger, null, "media.list", TestApi.args())).isEqualTo(400);
    }

    @Test
    void refusesAWrongDigest() {
        EmulatedUser wrongKey = new EmulatedUser(TestCatalog.ALICE.id(), "alice",
                TestCatalog.BOB.apiKey(), false);

        assertThat(api.errorCode(wrongKey, null, "media.list", TestApi.args())).isEqualTo(400);
    }

    @Test
    void refusesABodyChangedAfterSigning() throws IOException {
        String body = vector("backup-user.search").get("body_example").asText()
                .replace("\"page\": 1", "\"page\": 2");

        assertThat(code(body)).isEqualTo(400);
    }

    @Test
    void refusesActAsByANonAdmin() {
        assertThat(api.errorCode(TestCatalog.ALICE, TestCatalog.BOB, "media.list",
                TestApi.args())).isEqualTo(400);
    }

    @Test
    void refusesActAsForAUserOutsideTheOrganisation() {
        EmulatedUser outsider = new EmulatedUser("4c1a4d3edede832bfd000002", "doc",
                "52a32c7890338770e3ea1601214c02142d297298", false);

        assertThat(api.errorCode(TestCatalog.ADMIN, outsider, "media.list", TestApi.args()))
                .isEqualTo(400);
    }

    @Test
    void authenticatesBeforeResolvingTheMethod() {
        EmulatedUser wrongKey = new EmulatedUser(TestCatalog.ALICE.id(), "alice",
                TestCatalog.BOB.apiKey(), false);

        assertThat(api.errorCode(wrongKey, null, "media.nothing", TestApi.args()))
                .isEqualTo(400);
        assertThat(api.errorCode(TestCatalog.ALICE, null, "media.nothing", TestApi.args()))
                .isEqualTo(620);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        assertThat(code("{\"call\": ")).isEqualTo(500);
        assertThat(code("")).isEqualTo(500);
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThat(code("[1, 2]")).isEqualTo(600);
    }

    @Test
    void refusesUnknownObjectsMethodsAndCalls() {
        assertThat(api.errorCode(TestCatalog.ALICE, null, "video.list", TestApi.args()))
                .isEqualTo(610);
        assertThat(api.errorCode(TestCatalog.ALICE, null, "media.count_all", TestApi.args()))
                .isEqualTo(620);
        assertThat(api.errorCode(TestCatalog.ALICE, null, "medialist", TestApi.args()))
                .isEqualTo(640);
    }

    @Test
    void refusesBadAndMissingParameters() {
        assertThat(api.errorCode(TestCatalog.ALICE, null, "media.list",
                TestApi.args().put("page", "one"))).isEqualTo(630);
        assertThat(api.errorCode(TestCatalog.ALICE, null, "media.list",
                TestApi.args().put("colour", "red"))).isEqualTo(630);
        assertThat(api.errorCode(TestCatalog.ALICE, null, "media.info", TestApi.args()))
                .isEqualTo(650);
    }

    @Test
    void distinguishesMalformedFromUnknownIds() {
        assertThat(api.errorCode(TestCatalog.ALICE, null, "media.info",
                TestApi.args().put("id", "5000000000000000000000d"))).isEqualTo(630);
        assertThat(api.errorCode(TestCatalog.ALICE, null, "media.info",
                TestApi.args().put("id", "5000000000000000000000dd"))).isEqualTo(1010);
    }

    private static int code(String body) {
        HttpResponse<String> response = api.post(body);
        assertThat(response.statusCode()).isEqualTo(200);
        return TestApi.parse(response.body()).path("error").path("code").asInt(0);
    }

    private static String phpBody(JsonNode vector) {
        return "{\"call\":\"" + vector.get("request").get("call").asText() + "\",\"auth\":\""
                + vector.get("auth").asText() + "\"}";
    }

    private static JsonNode vector(String name) throws IOException {
        for (JsonNode vector : NormalizerTest.authVectors()) {
            if (vector.get("name").asText().equals(name)) {
                return vector;
            }
        }
        throw new AssertionError("no vector " + name);
    }
}
