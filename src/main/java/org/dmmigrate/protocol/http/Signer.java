package org.dmmigrate.protocol.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.Credentials;
import org.jspecify.annotations.Nullable;

/**
 * Computes the {@code auth} value of a request (spec 2.2): the user infos, a colon and the
 * MD5 of user infos, normalized request and API key. Behaves like cloudkey-py 1.2.x: always
 * signs {@code args}, supports act-as. Immutable and thread-safe; {@link #toString()} hides
 * the key.
 */
public final class Signer {

    private final Credentials credentials;

    public Signer(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The auth value for a call, its {@code args} always included (possibly {@code {}}). */
    public String auth(Call call) {
        return auth(requestWithoutAuth(call), call.actAs());
    }

    /**
     * The auth value for any request object without {@code auth} (e.g. one without
     * {@code args}, as PHP sends it).
     *
     * @throws IllegalArgumentException when the request holds floats or non-JSON values
     */
    public String auth(Map<String, @Nullable Object> request, @Nullable String actAs) {
        String userInfos = userInfos(actAs);
        return userInfos + ":" + md5Hex(digestInput(request, actAs));
    }

    /** The request object that is signed and sent, minus its {@code auth} member. */
    public static Map<String, @Nullable Object> requestWithoutAuth(Call call) {
        Map<String, @Nullable Object> request = new LinkedHashMap<>();
        request.put("call", call.name());
        request.put("args", call.args());
        return request;
    }

    /** {@code sign(secret, message)} of the official clients: md5 hex of message + secret. */
    public static String sign(String secret, String message) {
        return md5Hex(message + secret);
    }

    /** Lowercase hex MD5 of the UTF-8 bytes of {@code text}. */
    public static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no MD5, which every JDK must have", e);
        }
    }

    /** The string whose MD5 is the digest; it ends with the API key, so never log it. */
    String digestInput(Map<String, @Nullable Object> request, @Nullable String actAs) {
        return userInfos(actAs) + Normalizer.normalize(request) + credentials.apiKey();
    }

    private String userInfos(@Nullable String actAs) {
        return actAs == null ? credentials.userId() : credentials.userId() + "/" + actAs;
    }

    @Override
    public String toString() {
        return "Signer[" + credentials + "]";
    }
}
