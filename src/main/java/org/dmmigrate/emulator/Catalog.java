package org.dmmigrate.emulator;

import java.util.List;
import java.util.Optional;

/**
 * One organisation as the emulator serves it: its admin, its users and their media.
 *
 * <p>A catalog is read-only and thread-safe; the emulator keeps the changes that API calls
 * make (new media, new meta, deletions) in an overlay of its own. Implementations may
 * compute their media lazily, so that a synthetic organisation of 100,000 media costs
 * no memory up front.
 */
public interface Catalog {

    /** The organisation id, 24 lowercase hex characters. */
    String organisationId();

    /** A display name for the organisation. */
    String organisationName();

    /** The organisation admin, whose key may act as every user of the organisation. */
    EmulatedUser admin();

    /** Every user of the organisation, admin excluded, in the order the service lists them. */
    List<EmulatedUser> users();

    /** The media of one user in server order (newest first); empty for an unknown user. */
    List<EmulatedMedia> media(String userId);

    /** One media by id, whoever owns it. */
    Optional<EmulatedMedia> mediaById(String mediaId);
}
