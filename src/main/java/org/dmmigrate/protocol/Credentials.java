package org.dmmigrate.protocol;

import java.util.Objects;

/**
 * Who signs the calls: a user id and that user's API key.
 *
 * <p>{@link #toString()} never shows the key.
 *
 * @param userId 24 lowercase hex characters
 * @param apiKey the user's 40 hex character secret
 */
public record Credentials(String userId, String apiKey) {

    public Credentials {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "Credentials[userId=" + userId + ", apiKey=<redacted>]";
    }
}
