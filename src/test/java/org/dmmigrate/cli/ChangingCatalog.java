package org.dmmigrate.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.Content;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.EmulatedUser;

/**
 * A catalog over another one that a test changes between runs: media added (listed first,
 * as the service lists the newest first) and media replaced, for example with an asset that
 * became ready. Thread-safe.
 */
final class ChangingCatalog implements Catalog {

    private final Catalog base;
    private final List<EmulatedMedia> added = new CopyOnWriteArrayList<>();
    private final Map<String, EmulatedMedia> replaced = new ConcurrentHashMap<>();

    ChangingCatalog(Catalog base) {
        this.base = base;
    }

    void add(EmulatedMedia media) {
        added.add(0, media);
    }

    void replace(EmulatedMedia media) {
        replaced.put(media.id(), media);
    }

    @Override
    public String organisationId() {
        return base.organisationId();
    }

    @Override
    public String organisationName() {
        return base.organisationName();
    }

    @Override
    public EmulatedUser admin() {
        return base.admin();
    }

    @Override
    public List<EmulatedUser> users() {
        return base.users();
    }

    @Override
    public List<EmulatedMedia> media(String userId) {
        List<EmulatedMedia> all = new ArrayList<>();
        for (EmulatedMedia media : added) {
            if (media.ownerId().equals(userId)) {
                all.add(replaced.getOrDefault(media.id(), media));
            }
        }
        for (EmulatedMedia media : base.media(userId)) {
            all.add(replaced.getOrDefault(media.id(), media));
        }
        return all;
    }

    @Override
    public Optional<EmulatedMedia> mediaById(String mediaId) {
        EmulatedMedia media = replaced.get(mediaId);
        if (media != null) {
            return Optional.of(media);
        }
        for (EmulatedMedia item : added) {
            if (item.id().equals(mediaId)) {
                return Optional.of(item);
            }
        }
        return base.mediaById(mediaId);
    }

    /** Content over a byte array; its ETag is a name given by the test. */
    record Bytes(byte[] bytes, String etag) implements Content {

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream open(long offset) {
            return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
        }
    }
}
