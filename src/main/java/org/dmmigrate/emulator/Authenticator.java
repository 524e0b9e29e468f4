package org.dmmigrate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Verifies the {@code auth} member of a request (spec 2.2-2.3) with the emulator's own
 * normalization: md5(user_infos + N(request without auth) + caller's api key), then the
 * act-as rules. Every refusal is error 400 and never echoes the digest. Thread-safe.
 */
final class Authenticator {

    private final MediaStore store;

    Authenticator(MediaStore store) {
        this.store = store;
    }

    Caller authenticate(ObjectNode request) {
        JsonNode authNode = request.get("auth");
        if (authNode == null || !authNode.isTextual()) {
            throw refused("missing auth token");
        }
        String auth = authNode.textValue();
        int colon = auth.indexOf(':');
        if (colon <= 0) {
            throw refused("malformed auth token, expected <user_infos>:<md5>");
        }
        String userInfos = auth.substring(0, colon);
        String digest = auth.substring(colon + 1);
        String[] ids = userInfos.split("/", -1);
        if (ids.length > 2 || ids[0].isEmpty()) {
            throw refused("malformed user infos in auth token");
        }

        EmulatedUser caller = store.user(ids[0])
                .orElseThrow(() -> refused("unknown user " + ids[0]));
        ObjectNode signed = request.deepCopy();
        signed.remove("auth");
        String expected = Hashes.md5(userInfos + Normalizer.normalize(signed) + caller.apiKey());
        if (!Hashes.same(expected, digest)) {
            throw refused("invalid signature for user " + caller.id());
        }

        if (ids.length == 1) {
            return new Caller(caller, null);
        }
        if (!caller.admin()) {
            throw refused("user " + caller.id() + " may not act as another user");
        }
        EmulatedUser target = store.user(ids[1]).orElseThrow(() -> refused("act-as target "
                + ids[1] + " is not a user of organisation "
                + store.catalog().organisationId()));
        return new Caller(caller, target);
    }

    private static ApiError refused(String reason) {
        return new ApiError(ApiError.AUTHENTICATION, "Authentication failed: " + reason);
    }
}
