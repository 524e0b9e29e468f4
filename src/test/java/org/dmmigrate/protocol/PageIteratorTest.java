package org.dmmigrate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PageIteratorTest {

    private static final Call SEARCH = Call.of("media.search", Map.of("fields", List.of("id")))
            .actingAs("5000000000000000000000b2");

    @Test
    void followsHasMoreAndSetsPageAndPerPage() {
        ScriptedApi api = new ScriptedApi(page -> page < 3
                ? hasMore(ids(page * 10, 2), true) : hasMore(ids(page * 10, 1), false));

        List<Object> ids = drain(new PageIterator(api, SEARCH, 2));

        assertThat(ids).containsExactly("i10", "i11", "i20", "i21", "i30");
        assertThat(api.calls).extracting(call -> call.args().get("page"))
                .containsExactly(1L, 2L, 3L);
        assertThat(api.calls).allSatisfy(call -> {
            assertThat(call.args()).containsEntry("per_page", 2).containsKey("fields");
            assertThat(call.actAs()).isEqualTo("5000000000000000000000b2");
            assertThat(call.name()).isEqualTo("media.search");
        });
    }

    @Test
    void followsPageAndPagesWithoutHasMore() {
        ScriptedApi api = new ScriptedApi(page -> pageOf(ids(page * 10, page < 2 ? 3 : 1),
                page, 2, 4));

        List<Object> ids = drain(new PageIterator(api, SEARCH, 3));

        assertThat(ids).containsExactly("i10", "i11", "i12", "i20");
        assertThat(api.calls).hasSize(2);
    }

    @Test
    void prefersHasMoreOverPages() {
        ScriptedApi api = new ScriptedApi(page -> {
            Map<String, @Nullable Object> result = pageOf(ids(page * 10, 2), page, 5, 10);
            result.put("has_more", false);
            return result;
        });

        List<Object> ids = drain(new PageIterator(api, SEARCH, 2));

        assertThat(ids).hasSize(2);
        assertThat(api.calls).hasSize(1);
    }

    @Test
    void stopsAtAShortPageWhenNothingElseIsSaid() {
        ScriptedApi api = new ScriptedApi(page -> listOnly(ids(page * 10, page < 3 ? 2 : 1)));

        List<Object> ids = drain(new PageIterator(api, SEARCH, 2));

        assertThat(ids).hasSize(5);
        assertThat(api.calls).hasSize(3);
    }

    @Test
    void fetchesLazily() {
        ScriptedApi api = new ScriptedApi(page -> hasMore(ids(page * 10, 2), true));
        PageIterator items = new PageIterator(api, SEARCH, 2);

        items.next();
        items.next();

        assertThat(api.calls).hasSize(1);
    }

    @Test
    void emptyFirstPageMeansNoItems() {
        ScriptedApi api = new ScriptedApi(page -> pageOf(List.of(), 1, 1, 0));

        assertThat(new PageIterator(api, SEARCH, 100).hasNext()).isFalse();
    }

    @Test
    void sameItemsTwiceIsALoop() {
        ScriptedApi api = new ScriptedApi(page -> hasMore(ids(10, 2), true));

        assertThatThrownBy(() -> drain(new PageIterator(api, SEARCH, 2)))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("media.search").hasMessageContaining("page 2")
                .hasMessageContaining("same items as page 1");
    }

    @Test
    void endlessEmptyPagesAreALoop() {
        ScriptedApi api = new ScriptedApi(page -> hasMore(List.of(), true));

        assertThatThrownBy(() -> drain(new PageIterator(api, SEARCH, 2)))
                .isInstanceOf(PagingException.class).hasMessageContaining("page 2");
    }

    @Test
    void aListingWhosePagesKeepGrowingIsStopped() {
        ScriptedApi api = new ScriptedApi(page -> {
            Map<String, @Nullable Object> result = pageOf(ids(page * 10, 2), page, page + 1,
                    1_000_000_000L);
            result.put("has_more", true);
            result.put("total", (page + 1) * 2);
            return result;
        });

        assertThatThrownBy(() -> drain(new PageIterator(api, SEARCH, 2)))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("does not end");
        assertThat(api.calls.size()).isLessThanOrEqualTo(3 + (int) PageIterator.GROWTH_PAGES);
    }

    @Test
    void aListingThatNeverEndsAndAnnouncesNothingStopsAtTheBound() {
        ScriptedApi api = new ScriptedApi(page -> hasMore(ids(page * 1000, 100), true));

        assertThatThrownBy(() -> drain(new PageIterator(api, SEARCH, 100)))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("does not end")
                .hasMessageContaining("pages=null, total=null");
        assertThat(api.calls).hasSize((int) (PageIterator.MAX_ITEMS / 100) + 1);
    }

    @Test
    void pagesNearTheLargestLongDoNotWrapTheBoundAround() {
        ScriptedApi api = new ScriptedApi(page -> {
            Map<String, @Nullable Object> result = pageOf(ids(page * 10, 2), page,
                    Long.MAX_VALUE, Long.MAX_VALUE);
            result.put("has_more", page < 3);
            return result;
        });

        List<Object> ids = drain(new PageIterator(api, SEARCH, 2));

        assertThat(ids).hasSize(6);
    }

    @Test
    void itemsBeyondPagesAreALoop() {
        ScriptedApi api = new ScriptedApi(page -> {
            Map<String, @Nullable Object> result = pageOf(ids(page * 10, 2), page, 2, 100);
            result.put("has_more", true);
            return result;
        });

        assertThatThrownBy(() -> drain(new PageIterator(api, SEARCH, 2)))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("page 3").hasMessageContaining("beyond pages=2");
    }

    @Test
    void moreItemsThanTotalIsALoop() {
        ScriptedApi api = new ScriptedApi(page -> {
            Map<String, @Nullable Object> result = hasMore(ids(page * 10, 2), true);
            result.put("total", 3L);
            return result;
        });

        assertThatThrownBy(() -> drain(new PageIterator(api, SEARCH, 2)))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("page 2").hasMessageContaining("total=3");
    }

    @Test
    void echoedPageOtherThanAskedIsALoop() {
        ScriptedApi api = new ScriptedApi(page -> pageOf(ids(page * 10, 2), 1, 5, 10));

        assertThatThrownBy(() -> drain(new PageIterator(api, SEARCH, 2)))
                .isInstanceOf(PagingException.class)
                .hasMessageContaining("asked for page 2 but got page 1");
    }

    @Test
    void missingOrWrongListIsRefused() {
        ScriptedApi missing = new ScriptedApi(page -> new LinkedHashMap<>(Map.of("page", 1L)));
        ScriptedApi notList = new ScriptedApi(page -> new LinkedHashMap<>(Map.of("list", "x")));
        ScriptedApi notObject = new ScriptedApi(page -> List.of());

        assertThatThrownBy(() -> drain(new PageIterator(missing, SEARCH, 2)))
                .isInstanceOf(PagingException.class).hasMessageContaining("no list");
        assertThatThrownBy(() -> drain(new PageIterator(notList, SEARCH, 2)))
                .isInstanceOf(PagingException.class).hasMessageContaining("list=String");
        assertThatThrownBy(() -> drain(new PageIterator(notObject, SEARCH, 2)))
                .isInstanceOf(PagingException.class).hasMessageContaining("not an object");
    }

    @Test
    void itemsWithoutIdsAreComparedWhole() {
        ScriptedApi api = new ScriptedApi(page -> hasMore(
                List.of(Map.of("meta", Map.of("title", "t" + page))), page < 3));

        List<Map<String, @Nullable Object>> items = new ArrayList<>();
        PageIterator.over(api, SEARCH, 1).forEach(items::add);

        assertThat(items).hasSize(3);
    }

    private static List<Object> drain(PageIterator items) {
        List<Object> ids = new ArrayList<>();
        items.forEachRemaining(item -> ids.add(item.get("id")));
        return ids;
    }

    private static List<Map<String, Object>> ids(long first, int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (long id = first; id < first + count; id++) {
            items.add(Map.of("id", "i" + id));
        }
        return items;
    }

    private static Map<String, @Nullable Object> listOnly(List<?> items) {
        Map<String, @Nullable Object> result = new LinkedHashMap<>();
        result.put("list", items);
        return result;
    }

    private static Map<String, @Nullable Object> hasMore(List<?> items, boolean more) {
        Map<String, @Nullable Object> result = listOnly(items);
        result.put("has_more", more);
        return result;
    }

    private static Map<String, @Nullable Object> pageOf(List<?> items, long page, long pages,
            long total) {
        Map<String, @Nullable Object> result = listOnly(items);
        result.put("page", page);
        result.put("pages", pages);
        result.put("total", total);
        return result;
    }

    /** A CloudkeyApi answering each page from a script and recording the calls. */
    private static final class ScriptedApi implements CloudkeyApi {

        private final LongFunction<Object> pages;
        private final List<Call> calls = new ArrayList<>();

        ScriptedApi(LongFunction<Object> pages) {
            this.pages = pages;
        }

        @Override
        public @Nullable Object call(Call call) {
            calls.add(call);
            return pages.apply((Long) call.args().get("page"));
        }
    }
}
