package org.dmmigrate.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The items of a paginated call ({@code media.list}, {@code media.search}, {@code user.search})
 * one by one, fetching page after page lazily with {@code page} = 1, 2, ... and a fixed
 * {@code per_page}. Not thread-safe: one iterator per consumer.
 *
 * <p>The next page is fetched when {@code has_more} is true; without it, when
 * {@code page < pages}; without both, when the page was full. A service that loops (the same
 * page twice, pages past {@code pages} or {@code total}, more items than {@code total}, an
 * echoed page number other than the one asked for) ends the iteration with a
 * {@link PagingException}.
 */
public final class PageIterator implements Iterator<Map<String, @Nullable Object>> {

    /** Pages a listing may grow by while it is walked (media uploaded meanwhile). */
    static final long GROWTH_PAGES = 10;

    /**
     * No listing is believed to hold more items than this: a million media of one user. It
     * bounds a listing that never ends and announces no size ({@code has_more} forever, as
     * the search calls may answer), which otherwise runs for 100,000 pages or out of memory.
     */
    static final long MAX_ITEMS = 1_000_000;

    private final CloudkeyApi api;
    private final Call call;
    private final int perPage;
    private final Deque<Map<String, @Nullable Object>> buffer = new ArrayDeque<>();
    private long nextPage = 1;
    private long delivered;
    private long lastPage = Long.MAX_VALUE;
    private String firstPageBounds = "";
    private boolean exhausted;
    private @Nullable List<Object> previousSignature;

    public PageIterator(CloudkeyApi api, Call call, int perPage) {
        if (perPage < 1) {
            throw new IllegalArgumentException("per_page must be at least 1: " + perPage);
        }
        this.api = api;
        this.call = call;
        this.perPage = perPage;
    }

    /** An iterable for for-each loops; each iterator starts again at page 1. */
    public static Iterable<Map<String, @Nullable Object>> over(CloudkeyApi api, Call call,
            int perPage) {
        return () -> new PageIterator(api, call, perPage);
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !exhausted) {
            fetch();
        }
        return !buffer.isEmpty();
    }

    @Override
    public Map<String, @Nullable Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items from " + call.name());
        }
        return buffer.removeFirst();
    }

    private void fetch() {
        long page = nextPage;
        Object result = api.call(call.with("page", page).with("per_page", perPage));
        PageShape shape = PageShape.read(call.name(), page, result);

        List<Map<String, @Nullable Object>> items = shape.items();
        checkBounded(page, shape);
        checkCoverage(page, shape, items.size());
        checkNotRepeated(page, items);

        buffer.addAll(items);
        delivered += items.size();
        nextPage = page + 1;
        exhausted = !shape.hasMoreAfter(page, perPage);
    }

    private void checkBounded(long page, PageShape shape) {
        if (page == 1) {
            firstPageBounds = "pages=" + shape.pages() + ", total=" + shape.total();
            long announced = Math.max(shape.pages() == null ? 0 : shape.pages(),
                    shape.total() == null ? 0 : (shape.total() + perPage - 1) / perPage);
            // Saturated: a hostile pages or total near 2^63 must not wrap the bound around.
            long most = MAX_ITEMS / perPage;
            lastPage = announced > 0 && announced < most ? announced + GROWTH_PAGES : most;
        }
        if (page > lastPage) {
            throw new PagingException(call.name(), page, "the listing does not end: page "
                    + page + " is past the last one expected, " + lastPage + " (the first page "
                    + "gave " + firstPageBounds + "; no listing is believed to hold more than "
                    + MAX_ITEMS + " items); the service may be looping, rerun later");
        }
    }

    private void checkCoverage(long page, PageShape shape, int count) {
        if (shape.echoedPage() != null && shape.echoedPage() != page) {
            throw new PagingException(call.name(), page,
                    "asked for page " + page + " but got page " + shape.echoedPage());
        }
        if (count == 0) {
            return;
        }
        if (shape.pages() != null && page > Math.max(1, shape.pages())) {
            throw new PagingException(call.name(), page,
                    count + " items on a page beyond pages=" + shape.pages());
        }
        if (shape.total() != null && delivered + count > shape.total()) {
            throw new PagingException(call.name(), page,
                    (delivered + count) + " items so far, more than total=" + shape.total());
        }
    }

    private void checkNotRepeated(long page, List<Map<String, @Nullable Object>> items) {
        List<Object> signature = new ArrayList<>(items.size());
        for (Map<String, @Nullable Object> item : items) {
            Object id = item.get("id");
            signature.add(id != null ? id : item);
        }

        if (page > 1 && signature.equals(previousSignature)) {
            throw new PagingException(call.name(), page,
                    "same items as page " + (page - 1) + " (" + items.size() + " items)");
        }
        previousSignature = signature;
    }
}
