package org.dmmigrate.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.CloudkeyApi;
import org.dmmigrate.protocol.ErrorKind;
import org.dmmigrate.protocol.PageIterator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CloudkeyService} over the CloudKey API, asking what the original tool asked:
 * {@code organisation.get}, {@code user.search} by organisation, then as each user
 * {@code media.search} and {@code media.get_assets}.
 *
 * <p>{@code media.get_assets} is sent with {@code id}, the documented argument; should the
 * service refuse it as an invalid parameter, the call is repeated once with
 * {@code media_id}, the argument the original tool sent. Thread-safe.
 */
public final class ApiService implements CloudkeyService {

    private static final Logger LOG = LoggerFactory.getLogger(ApiService.class);

    /** The page size the original tool used; the service's cap. */
    static final int PER_PAGE = 100;

    private final CloudkeyApi api;
    private volatile boolean mediaIdArgument;

    public ApiService(CloudkeyApi api) {
        this.api = api;
    }

    @Override
    public List<User> users() {
        String organisationId = organisationId();
        Call search = Call.of("user.search", Map.of(
                "org_id", organisationId, "fields", List.of("id", "username")));
        List<User> users = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, @Nullable Object> item : PageIterator.over(api, search, PER_PAGE)) {
            Object id = item.get("id");
            Object username = item.get("username");
            if (!(id instanceof String userId) || !(username instanceof String name)) {
                throw malformed("user.search", "a user without a string id and "
                        + "username: " + item.keySet());
            }
            if (seen.add(userId)) {
                users.add(new User(userId, name));
            }
        }
        return users;
    }

    @Override
    public List<Media> media(User user) {
        Call search = Call.of("media.search", Map.of("fields", List.of("id", "meta.title")))
                .actingAs(user.id());
        Map<String, Media> media = new LinkedHashMap<>();
        for (Map<String, @Nullable Object> item : PageIterator.over(api, search, PER_PAGE)) {
            Object id = item.get("id");
            if (!(id instanceof String mediaId) || mediaId.isEmpty()) {
                throw malformed("media.search", "a media without a string id for "
                        + "user " + user.username());
            }
            media.putIfAbsent(mediaId, new Media(mediaId, title(item)));
        }
        return new ArrayList<>(media.values());
    }

    @Override
    public Map<String, @Nullable Object> assets(User user, String mediaId,
            @Nullable List<String> names) {
        Map<String, @Nullable Object> args = new LinkedHashMap<>();
        args.put(mediaIdArgument ? "media_id" : "id", mediaId);
        if (names != null) {
            args.put("assets_names", names);
        }
        Call call = Call.of("media.get_assets", args).actingAs(user.id());
        Object result;
        try {
            result = api.call(call);
        } catch (CallError e) {
            if (mediaIdArgument || e.kind() != ErrorKind.INVALID_PARAMETER) {
                throw e;
            }
            LOG.warn("retrying media.get_assets with media_id media={} reason={}", mediaId,
                    e.serviceMessage());
            mediaIdArgument = true;
            return assets(user, mediaId, names);
        }
        return assetMap(mediaId, result);
    }

    private String organisationId() {
        Object result = api.call(Call.of("organisation.get"));
        if (result instanceof Map<?, ?> organisation
                && organisation.get("id") instanceof String id) {
            return id;
        }
        throw malformed("organisation.get", "no organisation id in the answer; "
                + "is DMCLOUD_USER_ID an organisation admin?");
    }

    private static CallError malformed(String callName, String detail) {
        return CallError.badResponse(callName, null, detail, null);
    }

    private static @Nullable String title(Map<String, @Nullable Object> item) {
        if (item.get("meta") instanceof Map<?, ?> meta && meta.get("title") instanceof String t) {
            return t;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> assetMap(String mediaId, @Nullable Object result) {
        if (result instanceof Map<?, ?> map) {
            for (Object value : map.values()) {
                if (!(value instanceof Map)) {
                    throw malformed("media.get_assets", "an asset that is not an "
                            + "object for media " + mediaId);
                }
            }
            return (Map<String, @Nullable Object>) map;
        }
        throw malformed("media.get_assets", "the answer for media " + mediaId
                + " is not an object of assets");
    }
}
