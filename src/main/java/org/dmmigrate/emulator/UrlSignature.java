package org.dmmigrate.emulator;

import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * Signs and verifies CDN URLs with the CloudKey {@code auth=<expires>-<seclevel>-<rand>-<md5>}
 * scheme (spec 6.2), computed by the emulator's own code. Thread-safe.
 */
final class UrlSignature {

    /** DELEGATE|ASNUM, what the service put on the {@code download_url}s it issued. */
    static final int ISSUED_SECLEVEL = 3;

    private static final int DELEGATE = 1;
    private static final int ASNUM = 2;
    private static final int IP = 4;
    private static final int USERAGENT = 8;
    private static final char[] RAND_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** Appends {@code auth=} to a URL that may already carry a query. */
    String sign(String url, String secret, long expires) {
        int question = url.indexOf('?');
        String base = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? "" : url.substring(question + 1);
        String rand = rand();
        String digest = Hashes.md5(ISSUED_SECLEVEL + base + expires + rand + secret);
        return base + "?" + (query.isEmpty() ? "" : query + "&") + "auth=" + expires + "-"
                + ISSUED_SECLEVEL + "-" + rand + "-" + digest;
    }

    /**
     * Checks an {@code auth} value against the URL without query; returns null when valid, else
     * the reason (never containing the digest).
     */
    @Nullable String verify(String baseUrl, @Nullable String auth, String secret, long now,
            String clientIp, @Nullable String userAgent) {
        if (auth == null) {
            return "missing auth";
        }
        String[] parts = auth.split("-", 5);
        if (parts.length < 4) {
            return "malformed auth";
        }
        long expires;
        int seclevel;
        try {
            expires = Long.parseLong(parts[0]);
            seclevel = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return "malformed auth";
        }
        String enc = parts.length == 5 ? parts[4] : "";

        String secparams = "";
        if ((seclevel & DELEGATE) == 0) {
            if ((seclevel & ASNUM) != 0) {
                return "seclevel ASNUM without DELEGATE cannot be checked on loopback";
            }
            if ((seclevel & IP) != 0) {
                secparams += clientIp;
            }
            if ((seclevel & USERAGENT) != 0) {
                secparams += userAgent == null ? "" : userAgent;
            }
        }
        String expected = Hashes.md5(seclevel + baseUrl + expires + parts[2] + secret
                + secparams + enc);
        if (!Hashes.same(expected, parts[3])) {
            return "bad signature";
        }
        if (expires < now) {
            return "expired";
        }
        return null;
    }

    private String rand() {
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = RAND_CHARS[random.nextInt(RAND_CHARS.length)];
        }
        return new String(chars);
    }
}
