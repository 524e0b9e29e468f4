package org.dmmigrate.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a paginated result as read from its JSON tree: the items and whichever of
 * {@code has_more}, {@code page}, {@code pages} and {@code total} the service sent.
 */
record PageShape(List<Map<String, @Nullable Object>> items, @Nullable Boolean hasMore,
        @Nullable Long echoedPage, @Nullable Long pages, @Nullable Long total) {

    static PageShape read(String callName, long page, @Nullable Object result) {
        if (!(result instanceof Map<?, ?> map)) {
            throw new PagingException(callName, page, "result is not an object: " + typeOf(result));
        }
        Object list = map.get("list");
        if (!(list instanceof List<?> rawItems)) {
            throw new PagingException(callName, page, "result has no list (list=" + typeOf(list)
                    + ")");
        }

        List<Map<String, @Nullable Object>> items = new ArrayList<>(rawItems.size());
        for (Object item : rawItems) {
            if (!(item instanceof Map<?, ?>)) {
                throw new PagingException(callName, page, "list item is not an object: "
                        + typeOf(item));
            }
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> entry = (Map<String, @Nullable Object>) item;
            items.add(entry);
        }

        Object hasMore = map.get("has_more");
        return new PageShape(items, hasMore instanceof Boolean flag ? flag : null,
                number(map.get("page")), number(map.get("pages")), number(map.get("total")));
    }

    /** Whether a page follows: has_more first, else page < pages, else a full page. */
    boolean hasMoreAfter(long page, int perPage) {
        if (hasMore != null) {
            return hasMore;
        }
        if (pages != null) {
            return page < pages;
        }
        return items.size() >= perPage;
    }

    private static @Nullable Long number(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        return null;
    }

    private static String typeOf(@Nullable Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
