package org.dmmigrate.model;

/**
 * A user of the organisation, as {@code user.search} lists it.
 *
 * @param id 24 lowercase hex characters
 * @param username the login name; the name of the user's folder in a backup
 */
public record User(String id, String username) {
}
