package org.dmmigrate.emulator;

/**
 * An account of the emulated service.
 *
 * @param id 24 lowercase hex characters
 * @param username the login name, unique within the organisation
 * @param apiKey the 40 hex character secret that signs this user's calls
 * @param admin whether the user may act as the other users of the organisation
 */
public record EmulatedUser(String id, String username, String apiKey, boolean admin) {

    @Override
    public String toString() {
        return "EmulatedUser[id=" + id + ", username=" + username + ", admin=" + admin + "]";
    }
}
