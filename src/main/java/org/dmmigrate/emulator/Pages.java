package org.dmmigrate.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the paginated result every listing returns: {@code list, page, pages, per_page,
 * total, on_this_page, has_more}, the union of the {@code media.list} and {@code *.search}
 * shapes. Stateless and thread-safe.
 */
final class Pages {

    private Pages() {
    }

    /** Slices one page out of {@code all} (touching only that page's items) and renders it. */
    static <T> Map<String, Object> page(List<T> all, int page, int perPage,
            Function<T, Object> render) {
        int total = all.size();
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        long from = (long) (page - 1) * perPage;
        List<Object> list = new ArrayList<>();
        for (long i = from; i < Math.min(total, from + perPage); i++) {
            list.add(render.apply(all.get((int) i)));
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("list", list);
        out.put("page", page);
        out.put("pages", pages);
        out.put("per_page", perPage);
        out.put("total", total);
        out.put("on_this_page", list.size());
        out.put("has_more", page < pages);
        return out;
    }
}
