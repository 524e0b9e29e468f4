package org.dmmigrate.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code organisation.get}, {@code user.search} and {@code user.info}. Thread-safe. */
final class UserMethods {

    private final EmulatorContext context;

    UserMethods(EmulatorContext context) {
        this.context = context;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("organisation.get", this::organisation);
        methods.put("user.search", this::search);
        methods.put("user.info", this::info);
    }

    private Object organisation(Caller caller, Args args) {
        args.allowOnly(Set.of());
        requireAdmin(caller, "organisation.get");

        Catalog catalog = context.store().catalog();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", catalog.organisationId());
        out.put("name", catalog.organisationName());
        return out;
    }

    private Object search(Caller caller, Args args) {
        args.allowOnly(Set.of("org_id", "fields", "page", "per_page"));
        requireAdmin(caller, "user.search");
        String orgId = args.id("org_id");
        List<String> fields = args.optionalStrings("fields");
        int page = args.page();
        int perPage = args.perPage();

        Catalog catalog = context.store().catalog();
        if (!orgId.equals(catalog.organisationId())) {
            throw new ApiError(ApiError.NOT_FOUND, "Organisation not found: " + orgId);
        }
        return Pages.page(catalog.users(), page, perPage,
                user -> Projection.project(render(user), fields));
    }

    private Object info(Caller caller, Args args) {
        args.allowOnly(Set.of("id", "fields"));
        String id = args.optionalId("id");
        List<String> fields = args.optionalStrings("fields");

        EmulatedUser self = caller.effective();
        if (id == null || id.equals(self.id())) {
            return Projection.project(render(self), fields);
        }
        if (!self.admin()) {
            throw new ApiError(ApiError.AUTHENTICATION,
                    "Access denied: user " + self.id() + " may not read user " + id);
        }
        EmulatedUser other = context.store().user(id).orElseThrow(
                () -> new ApiError(ApiError.NOT_FOUND, "User not found: " + id));
        return Projection.project(render(other), fields);
    }

    private static void requireAdmin(Caller caller, String call) {
        if (!caller.effective().admin()) {
            throw new ApiError(ApiError.AUTHENTICATION, "Access denied: " + call
                    + " requires the organisation admin, not user " + caller.effective().id());
        }
    }

    private Map<String, Object> render(EmulatedUser user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("username", user.username());
        out.put("is_active", true);
        out.put("org_id", context.store().catalog().organisationId());
        return out;
    }
}
