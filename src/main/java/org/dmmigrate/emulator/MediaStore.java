package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's view of the organisation: the read-only catalog plus an overlay of what API
 * calls and faults changed (created, deleted and edited media, uploads, revised contents).
 *
 * <p>Thread-safe: reads see a consistent media record; writes are serialised on the store.
 */
final class MediaStore {

    private final Catalog catalog;
    private final Map<String, EmulatedUser> users = new LinkedHashMap<>();
    private final Map<String, EmulatedMedia> replaced = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> createdByOwner = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, Upload> uploadsByUrl = new ConcurrentHashMap<>();
    private final Map<AssetKey, Integer> revisions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    MediaStore(Catalog catalog) {
        this.catalog = catalog;
        users.put(catalog.admin().id(), catalog.admin());
        for (EmulatedUser user : catalog.users()) {
            users.put(user.id(), user);
        }
    }

    Catalog catalog() {
        return catalog;
    }

    Optional<EmulatedUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    /** One media as it is now, or empty when unknown or deleted. */
    Optional<EmulatedMedia> media(String id) {
        if (deleted.contains(id)) {
            return Optional.empty();
        }
        EmulatedMedia media = replaced.get(id);
        return media != null ? Optional.of(media) : catalog.mediaById(id);
    }

    /** The media of one user in server order: created ones (newest first), then the catalog. */
    List<EmulatedMedia> mediaOf(String userId) {
        List<EmulatedMedia> created = new ArrayList<>();
        for (String id : createdByOwner.getOrDefault(userId, new ConcurrentLinkedDeque<>())) {
            media(id).ifPresent(created::add);
        }
        List<EmulatedMedia> base = catalog.media(userId);
        if (deleted.isEmpty() && replaced.isEmpty() && created.isEmpty()) {
            return base;
        }
        if (deleted.isEmpty()) {
            return new Overlaid(created, base);
        }
        List<EmulatedMedia> all = new ArrayList<>(created);
        for (EmulatedMedia media : base) {
            if (!deleted.contains(media.id())) {
                all.add(replaced.getOrDefault(media.id(), media));
            }
        }
        return all;
    }

    synchronized String create(String ownerId, long created, Map<String, Object> meta,
            Map<String, EmulatedAsset> assets) {
        String id;
        do {
            id = String.format("ee%022x", nextId.getAndIncrement());
        } while (catalog.mediaById(id).isPresent());
        replaced.put(id, new EmulatedMedia(id, ownerId, created, frozen(meta),
                new LinkedHashMap<>(assets)));
        createdByOwner.computeIfAbsent(ownerId, k -> new ConcurrentLinkedDeque<>()).addFirst(id);
        return id;
    }

    synchronized void delete(String id) {
        deleted.add(id);
        replaced.remove(id);
    }

    synchronized void mergeMeta(EmulatedMedia media, Map<String, Object> changes) {
        Map<String, Object> meta = new LinkedHashMap<>(media.meta());
        meta.putAll(changes);
        replace(media, meta, media.assets());
    }

    synchronized void removeMeta(EmulatedMedia media, List<String> keys) {
        Map<String, Object> meta = new LinkedHashMap<>(media.meta());
        keys.forEach(meta::remove);
        replace(media, meta, media.assets());
    }

    synchronized void putAssets(EmulatedMedia media, Map<String, EmulatedAsset> changes) {
        Map<String, EmulatedAsset> assets = new LinkedHashMap<>(media.assets());
        assets.putAll(changes);
        replace(media, media.meta(), assets);
    }

    /**
     * Gives an asset new bytes (original plus a revision marker) and updates its listed
     * {@code file_size} and {@code checksum}; returns the new revision number.
     */
    synchronized int revise(String mediaId, String assetName) {
        EmulatedMedia media = media(mediaId).orElseThrow(() -> new IllegalArgumentException(
                "cannot change content of unknown media " + mediaId));
        EmulatedAsset asset = media.assets().get(assetName);
        if (asset == null || asset.content() == null) {
            throw new IllegalArgumentException("media " + mediaId + " has no file asset "
                    + assetName);
        }
        int revision = revisions.merge(new AssetKey(mediaId, assetName), 1, Integer::sum);
        RevisedContent content = new RevisedContent(asset.content(), revision);
        Map<String, Object> properties = new LinkedHashMap<>(asset.properties());
        properties.put("file_size", content.length());
        try {
            properties.put("checksum", Hashes.md5(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read content of media " + mediaId
                    + " asset " + assetName, e);
        }
        putAssets(media, Map.of(assetName, new EmulatedAsset(assetName, properties, content)));
        return revision;
    }

    void addUpload(Upload upload) {
        uploadsByUrl.put(upload.url(), upload);
    }

    @Nullable Upload upload(String url) {
        return uploadsByUrl.get(url);
    }

    private void replace(EmulatedMedia media, Map<String, Object> meta,
            Map<String, EmulatedAsset> assets) {
        replaced.put(media.id(), new EmulatedMedia(media.id(), media.ownerId(), media.created(),
                frozen(meta), new LinkedHashMap<>(assets)));
    }

    private static Map<String, Object> frozen(Map<String, Object> meta) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** Created media followed by the catalog's list, with replacements applied lazily. */
    private final class Overlaid extends AbstractList<EmulatedMedia> {
        private final List<EmulatedMedia> created;
        private final List<EmulatedMedia> base;

        Overlaid(List<EmulatedMedia> created, List<EmulatedMedia> base) {
            this.created = created;
            this.base = base;
        }

        @Override
        public EmulatedMedia get(int index) {
            if (index < created.size()) {
                return created.get(index);
            }
            EmulatedMedia media = base.get(index - created.size());
            return replaced.getOrDefault(media.id(), media);
        }

        @Override
        public int size() {
            return created.size() + base.size();
        }
    }
}
