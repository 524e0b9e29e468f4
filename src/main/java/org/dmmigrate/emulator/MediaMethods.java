package org.dmmigrate.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reading media methods: {@code media.search}, {@code media.list}, {@code media.count},
 * {@code media.info}, {@code media.get_assets} and {@code media.get_meta}. Thread-safe.
 */
final class MediaMethods {

    private final EmulatorContext context;

    MediaMethods(EmulatorContext context) {
        this.context = context;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("media.search", this::search);
        methods.put("media.list", this::list);
        methods.put("media.count", this::count);
        methods.put("media.info", this::info);
        methods.put("media.get_assets", this::assets);
        methods.put("media.get_meta", this::meta);
    }

    private Object search(Caller caller, Args args) {
        args.allowOnly(Set.of("query", "fields", "page", "per_page"));
        MediaQuery query = MediaQuery.forSearch(args.optionalString("query"));
        return page(caller, args, query);
    }

    private Object list(Caller caller, Args args) {
        args.allowOnly(Set.of("fields", "page", "per_page", "filter", "sort"));
        return page(caller, args, MediaQuery.forList(args));
    }

    private Object count(Caller caller, Args args) {
        args.allowOnly(Set.of("filter"));
        MediaQuery query = MediaQuery.forList(args);
        return selected(caller, query).size();
    }

    private Object info(Caller caller, Args args) {
        args.allowOnly(Set.of("id", "fields"));
        EmulatedMedia media = owned(caller, args.id("id"));
        return render(media, args.optionalStrings("fields"));
    }

    private Object assets(Caller caller, Args args) {
        args.allowOnly(Set.of("id", "media_id", "assets_names"));
        String id = args.optionalId("id");
        String mediaId = args.optionalId("media_id");
        if (id != null && mediaId != null && !id.equals(mediaId)) {
            throw args.invalid("'id' and 'media_id' name different media");
        }
        String wanted = id != null ? id : mediaId != null ? mediaId : args.id("id");
        List<String> names = args.optionalStrings("assets_names");

        return context.view().assets(owned(caller, wanted), names);
    }

    private Object meta(Caller caller, Args args) {
        args.allowOnly(Set.of("id", "keys"));
        EmulatedMedia media = owned(caller, args.id("id"));
        return MediaQuery.pick(media.meta(), args.optionalStrings("keys"));
    }

    private Object page(Caller caller, Args args, MediaQuery query) {
        List<String> fields = args.optionalStrings("fields");
        int page = args.page();
        int perPage = args.perPage();
        return Pages.page(selected(caller, query), page, perPage,
                media -> render(media, fields));
    }

    private List<EmulatedMedia> selected(Caller caller, MediaQuery query) {
        List<EmulatedMedia> all = context.store().mediaOf(caller.effective().id());
        return query.apply(all, context.view()::plain);
    }

    private Map<String, Object> render(EmulatedMedia media, @Nullable List<String> fields) {
        boolean urls = fields == null || fields.isEmpty()
                || fields.stream().anyMatch(field -> field.startsWith("assets"));
        Map<String, Object> item = urls ? context.view().full(media) : context.view().plain(media);
        return Projection.project(item, fields);
    }

    /** The media if the acting user owns it; 1010 otherwise (unknown, deleted or not theirs). */
    EmulatedMedia owned(Caller caller, String id) {
        return context.store().media(id)
                .filter(media -> media.ownerId().equals(caller.effective().id()))
                .orElseThrow(() -> new ApiError(ApiError.NOT_FOUND, "Media not found: " + id));
    }
}
