package org.dmmigrate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The selection arguments of media listings: {@code media.list}'s {@code filter} (equality on
 * dotted paths) and {@code sort} ({@code [[field, 1|-1], ...]}), and {@code media.search}'s
 * {@code query} (words in the title, {@code path:value} terms, {@code SORT:[-]field}).
 * Immutable once built.
 */
final class MediaQuery {

    private final List<Predicate<Map<String, Object>>> conditions = new ArrayList<>();
    private final List<Comparator<Map<String, Object>>> orders = new ArrayList<>();

    boolean selectsAll() {
        return conditions.isEmpty() && orders.isEmpty();
    }

    /** Applies the conditions and orders; {@code plain} renders a media without URLs. */
    List<EmulatedMedia> apply(List<EmulatedMedia> media,
            Function<EmulatedMedia, Map<String, Object>> plain) {
        if (selectsAll()) {
            return media;
        }
        List<Map.Entry<EmulatedMedia, Map<String, Object>>> kept = new ArrayList<>();
        for (EmulatedMedia item : media) {
            Map<String, Object> rendered = plain.apply(item);
            if (conditions.stream().allMatch(condition -> condition.test(rendered))) {
                kept.add(Map.entry(item, rendered));
            }
        }
        for (int i = orders.size() - 1; i >= 0; i--) {
            Comparator<Map<String, Object>> order = orders.get(i);
            kept.sort((a, b) -> order.compare(a.getValue(), b.getValue()));
        }
        List<EmulatedMedia> out = new ArrayList<>();
        kept.forEach(entry -> out.add(entry.getKey()));
        return out;
    }

    static MediaQuery forList(Args args) {
        MediaQuery query = new MediaQuery();
        Map<String, Object> filter = args.optionalObject("filter");
        if (filter != null) {
            for (Map.Entry<String, Object> term : filter.entrySet()) {
                Object value = term.getValue();
                if (term.getKey().startsWith("$") || value instanceof Map
                        || value instanceof List) {
                    throw args.invalid("filter supports equality on dotted paths only, not '"
                            + term.getKey() + "'");
                }
                query.conditions.add(item -> Projection.sameValue(
                        Projection.lookup(item, term.getKey()), value));
            }
        }
        JsonNode sort = args.node("sort");
        if (sort != null) {
            query.addSort(sort, args);
        }
        return query;
    }

    static MediaQuery forSearch(@Nullable String text) {
        MediaQuery query = new MediaQuery();
        if (text == null) {
            return query;
        }
        for (String term : text.trim().split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            if (term.startsWith("SORT:")) {
                String field = term.substring(5);
                boolean descending = field.startsWith("-");
                query.addOrder(descending ? field.substring(1) : field, descending);
                continue;
            }
            int colon = term.indexOf(':');
            String path = colon > 0 ? term.substring(0, colon) : "meta.title";
            String wanted = (colon > 0 ? term.substring(colon + 1) : term)
                    .toLowerCase(Locale.ROOT);
            query.conditions.add(item -> {
                Object value = Projection.lookup(item, path);
                return value != null && value != Projection.MISSING
                        && value.toString().toLowerCase(Locale.ROOT).contains(wanted);
            });
        }
        return query;
    }

    private void addSort(JsonNode sort, Args args) {
        if (!sort.isArray()) {
            throw args.invalid("sort must be a list of [field, direction] pairs");
        }
        Iterator<JsonNode> pairs = sort.elements();
        while (pairs.hasNext()) {
            JsonNode pair = pairs.next();
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()
                    || !pair.get(1).isIntegralNumber()
                    || Math.abs(pair.get(1).intValue()) != 1) {
                throw args.invalid("sort must be a list of [field, 1 or -1] pairs");
            }
            addOrder(pair.get(0).textValue(), pair.get(1).intValue() < 0);
        }
    }

    private void addOrder(String path, boolean descending) {
        Comparator<Map<String, Object>> order = (a, b) -> Projection.compare(
                Projection.lookup(a, path), Projection.lookup(b, path));
        orders.add(descending ? order.reversed() : order);
    }

    /** A copy of a meta map with only the given keys, absent ones left out. */
    static Map<String, Object> pick(Map<String, Object> meta, @Nullable List<String> keys) {
        if (keys == null) {
            return new LinkedHashMap<>(meta);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            if (meta.containsKey(key)) {
                out.put(key, meta.get(key));
            }
        }
        return out;
    }
}
