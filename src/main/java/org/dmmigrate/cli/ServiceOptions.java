package org.dmmigrate.cli;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the service is and who signs the calls: options first, then the environment.
 * The API key is never echoed back, not even in errors.
 */
public final class ServiceOptions {

    static final String DEFAULT_API_URL = "http://api.dmcloud.net";

    @Option(names = "--user-id", paramLabel = "ID", defaultValue = "${env:DMCLOUD_USER_ID}",
            description = "The organisation admin's user id (default: $DMCLOUD_USER_ID).")
    @Nullable String userId;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:DMCLOUD_API_KEY}",
            description = "The admin's API key (default: $DMCLOUD_API_KEY). Prefer the "
                    + "environment: a command line is visible to other users of the machine.")
    @Nullable String apiKey;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = "${env:DMCLOUD_API_URL}",
            description = {"The API base URL (default: $DMCLOUD_API_URL,",
                "else " + DEFAULT_API_URL + ")."})
    @Nullable String apiUrl;

    @Option(names = "--demo",
            description = "Start the built-in emulator with its sample organisation and use "
                    + "it instead of the real service: a rehearsal that needs no account.")
    boolean demo;

    /** Hidden, for tests and slow links: how long a download may receive no byte. */
    @Option(names = "--read-timeout", paramLabel = "DURATION", defaultValue = "PT60S",
            hidden = true, description = "Fail a download that receives no byte for this "
                    + "long, as ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration readTimeout = Duration.ofSeconds(60);

    /** Hidden, for tests: the first wait between attempts of an API call, doubled after each. */
    @Option(names = "--api-retry-delay", paramLabel = "DURATION", defaultValue = "PT0.5S",
            hidden = true, description = "The first wait before retrying an API call, as "
                    + "ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration apiRetryDelay = Duration.ofMillis(500);

    URI apiUrl() {
        String text = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.trim();
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--api-url '" + text + "' is not a URL; give one like "
                    + DEFAULT_API_URL);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null) {
            throw new UsageException("--api-url '" + text + "' must be an http:// or https:// "
                    + "URL with a host, like " + DEFAULT_API_URL);
        }
        return uri;
    }

    String userId() {
        if (userId == null || userId.isBlank()) {
            throw new UsageException("no DmCloud user id: set DMCLOUD_USER_ID (or give "
                    + "--user-id), or try --demo to rehearse on the built-in emulator");
        }
        String id = userId.trim();
        if (!id.matches("[0-9a-fA-F]{24}")) {
            throw new UsageException("the DmCloud user id '" + id + "' is not 24 hex "
                    + "characters; copy it from the account's profile page");
        }
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    String apiKey() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new UsageException("no DmCloud API key: set DMCLOUD_API_KEY (or give "
                    + "--api-key), or try --demo to rehearse on the built-in emulator");
        }
        return apiKey.trim();
    }
}
