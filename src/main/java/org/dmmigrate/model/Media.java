package org.dmmigrate.model;

import org.jspecify.annotations.Nullable;

/**
 * A media as a user's {@code media.json} records it: its id and its title.
 *
 * @param id 24 lowercase hex characters
 * @param title the {@code meta.title} of the media, or null when the service gave none
 */
public record Media(String id, @Nullable String title) {
}
