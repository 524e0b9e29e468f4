package org.dmmigrate.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One RPC of the CloudKey API: a call name such as {@code media.get_assets}, its named
 * arguments, and the user it acts as.
 *
 * <p>Arguments are JSON values: {@code String}, {@code Boolean}, integral {@code Number}s,
 * {@code List}s and {@code Map}s of those, or null. Floating-point numbers are refused
 * when the call is signed, because the official clients normalize them differently.
 * Act-as belongs to the call, not to the client, so calls for different users can run at
 * once over one client.
 *
 * @param name {@code object.method}
 * @param args the named arguments, never null (empty when the method takes none)
 * @param actAs the id of the user to act as, or null to act as the caller
 */
public record Call(String name, Map<String, @Nullable Object> args, @Nullable String actAs) {

    public Call {
        Objects.requireNonNull(name, "name");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** A call without arguments, as the caller. */
    public static Call of(String name) {
        return new Call(name, Map.of(), null);
    }

    /** A call with arguments, as the caller. */
    public static Call of(String name, Map<String, @Nullable Object> args) {
        return new Call(name, args, null);
    }

    /** This call acting as another user of the caller's organisation. */
    public Call actingAs(@Nullable String userId) {
        return new Call(name, args, userId);
    }

    /** This call with one argument added or replaced. */
    public Call with(String key, @Nullable Object value) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(args);
        copy.put(key, value);
        return new Call(name, copy, actAs);
    }
}
