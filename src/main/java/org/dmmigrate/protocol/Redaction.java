package org.dmmigrate.protocol;

import java.util.regex.Pattern;

/**
 * Removes secrets from text meant for people: auth tokens ({@code user:md5}) and anything
 * shaped like an API key (40 hex characters). Stateless and thread-safe.
 */
public final class Redaction {

    private static final Pattern AUTH_TOKEN =
            Pattern.compile("[0-9a-fA-F]{24}(/[0-9a-fA-F]{24})?:[0-9a-fA-F]{32}");

    private static final Pattern API_KEY = Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{40}"
            + "(?![0-9a-fA-F])");

    private Redaction() {
    }

    /** The text with auth tokens and key-shaped strings replaced by placeholders. */
    public static String redact(String text) {
        String withoutTokens = AUTH_TOKEN.matcher(text).replaceAll("<auth redacted>");
        return API_KEY.matcher(withoutTokens).replaceAll("<key redacted>");
    }
}
