package org.dmmigrate.engine;

import java.util.List;

/** {@code --user NAME} names no user of the organisation. */
public final class UnknownUserException extends Exception {

    private final String username;
    private final List<String> known;

    public UnknownUserException(String username, List<String> known) {
        super("no user named '" + username + "' in this organisation; its users are: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        this.username = username;
        this.known = List.copyOf(known);
    }

    public String username() {
        return username;
    }

    public List<String> known() {
        return known;
    }
}
