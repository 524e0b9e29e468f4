package org.dmmigrate.protocol;

import java.util.regex.Pattern;

/** Keeps the signatures of signed CDN URLs out of logs, messages and reports. */
public final class SignedUrls {

    private static final Pattern AUTH = Pattern.compile("(?i)(auth=)[^&#]*");

    private SignedUrls() {
    }

    /** The URL with its {@code auth} value replaced by {@code <redacted>}. */
    public static String redact(String url) {
        return AUTH.matcher(url).replaceAll("$1<redacted>");
    }
}
