package org.dmmigrate.emulator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog held entirely in memory, as built by {@link SampleCatalog} and
 * {@link FolderCatalog}.
 *
 * <p>Immutable and thread-safe.
 */
final class FixedCatalog implements Catalog {

    private final String organisationId;

    private final String organisationName;

    private final EmulatedUser admin;

    private final List<EmulatedUser> users;

    private final Map<String, List<EmulatedMedia>> mediaByUser;

    private final Map<String, EmulatedMedia> mediaById;

    /**
     * @param mediaByUser user id to that user's media, newest first
     * @throws IllegalArgumentException on duplicate ids or media of an unknown user
     */
    FixedCatalog(String organisationId, String organisationName, EmulatedUser admin,
            List<EmulatedUser> users, Map<String, List<EmulatedMedia>> mediaByUser) {
        this.organisationId = organisationId;
        this.organisationName = organisationName;
        this.admin = admin;
        this.users = List.copyOf(users);

        Map<String, List<EmulatedMedia>> copy = new LinkedHashMap<>();
        mediaByUser.forEach((userId, media) -> copy.put(userId, List.copyOf(media)));
        this.mediaByUser = Map.copyOf(copy);
        this.mediaById = indexMedia(copy);
        checkUsers();
    }

    private static Map<String, EmulatedMedia> indexMedia(Map<String, List<EmulatedMedia>> byUser) {
        Map<String, EmulatedMedia> index = new HashMap<>();
        for (List<EmulatedMedia> media : byUser.values()) {
            for (EmulatedMedia one : media) {
                if (index.put(one.id(), one) != null) {
                    throw new IllegalArgumentException("duplicate media id=" + one.id());
                }
            }
        }
        return Map.copyOf(index);
    }

    private void checkUsers() {
        Map<String, EmulatedUser> byId = new HashMap<>();
        byId.put(admin.id(), admin);
        for (EmulatedUser user : users) {
            if (byId.put(user.id(), user) != null) {
                throw new IllegalArgumentException("duplicate user id=" + user.id());
            }
        }
        for (String userId : mediaByUser.keySet()) {
            if (!byId.containsKey(userId)) {
                throw new IllegalArgumentException("media of unknown user id=" + userId);
            }
        }
    }

    @Override
    public String organisationId() {
        return organisationId;
    }

    @Override
    public String organisationName() {
        return organisationName;
    }

    @Override
    public EmulatedUser admin() {
        return admin;
    }

    @Override
    public List<EmulatedUser> users() {
        return users;
    }

    @Override
    public List<EmulatedMedia> media(String userId) {
        return mediaByUser.getOrDefault(userId, List.of());
    }

    @Override
    public Optional<EmulatedMedia> mediaById(String mediaId) {
        return Optional.ofNullable(mediaById.get(mediaId));
    }
}
