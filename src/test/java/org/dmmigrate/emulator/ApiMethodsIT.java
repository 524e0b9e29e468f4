package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user, organisation and reading media methods, fields and pagination. */
class ApiMethodsIT {

    private static final EmulatedUser ADMIN = TestCatalog.ADMIN;
    private static final EmulatedUser ALICE = TestCatalog.ALICE;
    private static final EmulatedUser BOB = TestCatalog.BOB;

    private Emulator emulator;
    private TestApi api;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().catalog(new TestCatalog()).port(0).build().start();
        api = new TestApi(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void organisationGetReturnsIdAndNameToTheAdminOnly() {
        JsonNode organisation = api.result(ADMIN, "organisation.get", TestApi.args());

        assertThat(organisation.get("id").asText()).isEqualTo(TestCatalog.ORG);
        assertThat(organisation.get("name").asText()).isEqualTo("Test organisation");
        assertThat(api.errorCode(ALICE, null, "organisation.get", TestApi.args()))
                .isEqualTo(400);
    }

    @Test
    void userSearchPagesThroughTheOrganisationWithHasMore() {
        ObjectNode args = TestApi.args().put("org_id", TestCatalog.ORG).put("per_page", 2);
        args.putArray("fields").add("id").add("username");

        JsonNode first = api.result(ADMIN, "user.search", args.deepCopy().put("page", 1));
        JsonNode second = api.result(ADMIN, "user.search", args.deepCopy().put("page", 2));

        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("pages").asInt()).isEqualTo(2);
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("list").get(0).toString())
                .isEqualTo("{\"id\":\"" + ALICE.id() + "\",\"username\":\"alice\"}");
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(second.get("on_this_page").asInt()).isEqualTo(1);
    }

    @Test
    void userSearchRefusesOtherOrganisationsAndNonAdmins() {
        ObjectNode other = TestApi.args().put("org_id", "5000000000000000000000cc");
        ObjectNode own = TestApi.args().put("org_id", TestCatalog.ORG);

        assertThat(api.errorCode(ADMIN, null, "user.search", other)).isEqualTo(1010);
        assertThat(api.errorCode(ALICE, null, "user.search", own)).isEqualTo(400);
        assertThat(api.errorCode(ADMIN, null, "user.search", TestApi.args())).isEqualTo(650);
    }

    @Test
    void userInfoDescribesTheActingUser() {
        ObjectNode args = TestApi.args();
        args.putArray("fields").add("username");

        JsonNode bob = api.result(ADMIN, BOB, "user.info", args);
        int denied = api.errorCode(ALICE, null, "user.info", TestApi.args().put("id", BOB.id()));

        assertThat(bob.toString()).isEqualTo("{\"username\":\"bob\"}");
        assertThat(denied).isEqualTo(400);
    }

    @Test
    void listingsReturnTheUnionOfBothPaginationShapes() {
        JsonNode third = api.result(BOB, "media.search", TestApi.args().put("page", 3));
        JsonNode list = api.result(BOB, "media.list", TestApi.args().put("page", 1));

        List<String> keys = new ArrayList<>();
        third.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("list", "page", "pages", "per_page", "total",
                "on_this_page", "has_more");
        assertThat(third.get("per_page").asInt()).isEqualTo(10);
        assertThat(third.get("pages").asInt()).isEqualTo(3);
        assertThat(third.get("on_this_page").asInt()).isEqualTo(5);
        assertThat(third.get("has_more").asBoolean()).isFalse();
        assertThat(list.get("has_more").asBoolean()).isTrue();
        assertThat(list.get("list").get(0).get("meta").get("title").asText())
                .isEqualTo("Bob video 0");
    }

    @Test
    void anEmptyLibraryHasOnePage() {
        JsonNode page = api.result(TestCatalog.RECORDED, "media.search", TestApi.args());

        assertThat(page.get("pages").asInt()).isEqualTo(1);
        assertThat(page.get("total").asInt()).isZero();
        assertThat(page.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void perPageAboveTheCapIsRefusedNamingTheCap() {
        JsonNode response = api.call(BOB, "media.search", TestApi.args().put("per_page", 101));

        assertThat(response.get("error").get("code").asInt()).isEqualTo(630);
        assertThat(response.get("error").get("message").asText()).contains("at most 100");
        assertThat(api.errorCode(BOB, null, "media.list", TestApi.args().put("per_page", 100)))
                .isZero();
    }

    @Test
    void mediaSearchFiltersByTermsAndSorts() {
        ObjectNode args = TestApi.args().put("query", "meta.rank:even SORT:created")
                .put("per_page", 100);

        JsonNode page = api.result(BOB, "media.search", args);

        assertThat(page.get("total").asInt()).isEqualTo(13);
        assertThat(page.get("list").get(0).get("meta").get("title").asText())
                .isEqualTo("Bob video 24");
    }

    @Test
    void mediaListFiltersOnDottedPathsAndSorts() {
        ObjectNode args = TestApi.args().put("per_page", 100);
        args.putObject("filter").put("meta.rank", "odd");
        args.putArray("sort").addArray().add("created").add(1);
        args.putArray("fields").add("meta.title");
        ObjectNode operator = TestApi.args();
        operator.putObject("filter").put("$where", "1");

        JsonNode page = api.result(BOB, "media.list", args);

        assertThat(page.get("total").asInt()).isEqualTo(12);
        assertThat(page.get("list").get(0).toString())
                .isEqualTo("{\"meta\":{\"title\":\"Bob video 23\"}}");
        assertThat(api.errorCode(BOB, null, "media.list", operator)).isEqualTo(630);
        assertThat(api.errorCode(BOB, null, "media.list", TestApi.args().put("filter", "x")))
                .isEqualTo(630);
    }

    @Test
    void fieldsProjectionReNestsDottedPaths() {
        ObjectNode args = TestApi.args().put("id", TestCatalog.VIDEO);
        args.putArray("fields").add("meta.title").add("assets.source.status")
                .add("assets.source.file_size").add("assets.nothing.status");

        JsonNode media = api.result(ALICE, "media.info", args);

        assertThat(media.toString()).isEqualTo("{\"meta\":{\"title\":\"Vid\u00e9o d\u2019\u00e9t"
                + "\u00e9\"},\"assets\":{\"source\":{\"status\":\"ready\",\"file_size\":300000}}}");
    }

    @Test
    void mediaInfoWithoutFieldsReturnsIdCreatedMetaAndAssets() {
        JsonNode media = api.result(ALICE, "media.info", TestApi.args().put("id",
                TestCatalog.VIDEO));

        assertThat(media.get("id").asText()).isEqualTo(TestCatalog.VIDEO);
        assertThat(media.get("created").asLong()).isEqualTo(1400000696L);
        assertThat(media.get("meta").has("title")).isTrue();
        assertThat(media.get("assets").get("source").has("download_url")).isTrue();
    }

    @Test
    void mediaOfAnotherUserIsNotFound() {
        assertThat(api.errorCode(BOB, null, "media.info", TestApi.args().put("id",
                TestCatalog.VIDEO))).isEqualTo(1010);
    }

    @Test
    void getAssetsTakesIdOrMediaIdAndOptionalNames() {
        ObjectNode named = TestApi.args().put("id", TestCatalog.VIDEO);
        named.putArray("assets_names").add("source").add("jpeg_thumbnail_medium").add("x");

        JsonNode byId = api.result(ALICE, "media.get_assets", TestApi.args().put("id",
                TestCatalog.VIDEO));
        JsonNode byMediaId = api.result(ADMIN, ALICE, "media.get_assets", TestApi.args()
                .put("media_id", TestCatalog.VIDEO));
        JsonNode some = api.result(ALICE, "media.get_assets", named);
        int conflict = api.errorCode(ALICE, null, "media.get_assets", TestApi.args()
                .put("id", TestCatalog.VIDEO).put("media_id", "5000000000000000000000d5"));

        List<String> names = new ArrayList<>();
        byId.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("source", "mp4_h264_aac", "mp4_h264_aac_ld",
                "flv_h263_mp3", "jpeg_thumbnail_medium", "abs");
        assertThat(byMediaId.size()).isEqualTo(6);
        assertThat(some.size()).isEqualTo(2);
        assertThat(conflict).isEqualTo(630);
    }

    @Test
    void getMetaPicksKeysAndSetMetaMerges() {
        ObjectNode set = TestApi.args().put("id", TestCatalog.VIDEO);
        set.putObject("meta").put("author", "Alice");
        ObjectNode pick = TestApi.args().put("id", TestCatalog.VIDEO);
        pick.putArray("keys").add("author").add("missing");

        JsonNode none = api.call(ALICE, "media.set_meta", set);
        JsonNode all = api.result(ALICE, "media.get_meta", TestApi.args().put("id",
                TestCatalog.VIDEO));
        JsonNode picked = api.result(ALICE, "media.get_meta", pick);

        assertThat(none.has("result")).isTrue();
        assertThat(none.get("result").isNull()).isTrue();
        assertThat(all.get("title").asText()).startsWith("Vid");
        assertThat(all.get("author").asText()).isEqualTo("Alice");
        assertThat(picked.toString()).isEqualTo("{\"author\":\"Alice\"}");
    }

    @Test
    void metaMethodsRefuseWrongTypes() {
        ObjectNode listMeta = TestApi.args().put("id", TestCatalog.VIDEO);
        listMeta.putArray("meta").add("x");
        ObjectNode stringKeys = TestApi.args().put("id", TestCatalog.VIDEO).put("keys", "title");

        assertThat(api.errorCode(ALICE, null, "media.set_meta", listMeta)).isEqualTo(630);
        assertThat(api.errorCode(ALICE, null, "media.get_meta", stringKeys)).isEqualTo(630);
        assertThat(api.errorCode(ALICE, null, "media.set_meta", TestApi.args()
                .put("id", TestCatalog.VIDEO))).isEqualTo(650);
    }

    @Test
    void mediaCountCountsTheActingUsersMedia() {
        JsonNode count = api.result(ADMIN, BOB, "media.count", TestApi.args());

        assertThat(count.asInt()).isEqualTo(TestCatalog.BOB_MEDIA);
    }
}
