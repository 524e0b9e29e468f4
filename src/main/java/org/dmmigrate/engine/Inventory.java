package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.dmmigrate.protocol.CallError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists what the organisation holds and records it in the backup: each user's
 * {@code media.json}, each media's {@code assets.json}; then hands every media and its
 * assets to a visitor. Listing calls run in parallel, bounded.
 *
 * <p>A listing that fails is recorded in the summary and the walk goes on; a media whose
 * {@code media.get_assets} fails falls back to the {@code assets.json} of an earlier run.
 */
public final class Inventory {

    private static final Logger LOG = LoggerFactory.getLogger(Inventory.class);

    /** Hears each media once its assets are known; called from several threads. */
    @FunctionalInterface
    public interface Visitor {
        void visit(User user, Media media, List<Asset> assets);
    }

    private final CloudkeyService service;
    private final BackupLayout layout;
    private final int parallelism;
    private final BooleanSupplier cancelled;

    public Inventory(CloudkeyService service, BackupLayout layout, int parallelism,
            BooleanSupplier cancelled) {
        this.service = service;
        this.layout = layout;
        this.parallelism = parallelism;
        this.cancelled = cancelled;
    }

    /** The users to back up, sorted by username: all, or the one named. */
    public List<User> users(@Nullable String username) throws UnknownUserException {
        List<User> users = new ArrayList<>(service.users());
        users.sort(Comparator.comparing(User::username).thenComparing(User::id));
        if (username == null) {
            return users;
        }
        List<User> named = users.stream().filter(u -> u.username().equals(username)).toList();
        if (named.isEmpty()) {
            throw new UnknownUserException(username, users.stream().map(User::username).toList());
        }
        return named;
    }

    /**
     * Walks the users' media, restricted to {@code mediaIds} when not null.
     *
     * @throws IOException when a listing cannot be written to the backup folder
     */
    public void walk(List<User> users, @Nullable Set<String> mediaIds, Visitor visitor,
            RunSummary summary) throws IOException {
        walk(users, mediaIds, Shard.ALL, visitor, summary);
    }

    /**
     * Walks the users' media of one shard, restricted to {@code mediaIds} when not null.
     * Each user's {@code media.json} is still the whole listing, whatever the shard.
     *
     * @throws IOException when a listing cannot be written to the backup folder
     */
    public void walk(List<User> users, @Nullable Set<String> mediaIds, Shard shard,
            Visitor visitor, RunSummary summary) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism,
                Threads.named("dmmigrate-list"));
        Semaphore inFlight = new Semaphore(parallelism * 4);
        Phaser pending = new Phaser(1);
        Map<Path, User> folders = new HashMap<>();
        try {
            for (User user : users) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                User owner = folders.putIfAbsent(layout.userDir(user), user);
                if (owner != null) {
                    sharedFolder(user, owner, summary);
                    continue;
                }
                List<Media> media = mediaOf(user, summary);
                for (Media entry : media) {
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                    if (mediaIds != null && !mediaIds.contains(entry.id())
                            || !shard.contains(entry.id())) {
                        continue;
                    }
                    inFlight.acquireUninterruptibly();
                    pending.register();
                    pool.execute(() -> {
                        try {
                            assetsOf(user, entry, visitor, summary);
                        } finally {
                            inFlight.release();
                            pending.arriveAndDeregister();
                        }
                    });
                }
            }
            pending.arriveAndAwaitAdvance();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two usernames that sanitise alike ({@code a/b}, {@code a__b}): the first one wins. */
    private void sharedFolder(User user, User owner, RunSummary summary) {
        String reason = "shares the folder " + layout.userDir(user) + " with user "
                + owner.username() + " (id " + owner.id() + "); not backed up, so that the two"
                + " never mix: rename one of them on the service, or back it up alone with"
                + " --user into another folder";
        LOG.error("skipping user user={} id={} reason={}", user.username(), user.id(), reason);
        summary.failed(user.username() + " (id " + user.id() + ")", reason);
    }

    // TODO(#6): one user's whole listing is held for the walk (about 220 bytes a media, 22 MB
    // at 100,000) and merged and written as a tree (up to 86 MB of heap at 100,000): a user
    // with a million media would not fit in -Xmx256m; stream media.json to cut the peak.
    private List<Media> mediaOf(User user, RunSummary summary) throws IOException {
        Path file = layout.mediaJson(user);
        List<Media> recorded = MediaListing.read(file);
        List<Media> listed;
        try {
            listed = service.media(user);
        } catch (CallError | IllegalStateException e) {
            LOG.error("failed media listing user={} reason={}", user.username(), e.getMessage());
            summary.failed(user.username() + "/media.json", "listing failed: " + e.getMessage());
            return recorded;
        }
        List<Media> merged = MediaListing.merge(recorded, listed);
        if (BackupJson.write(file, MediaListing.tree(merged))) {
            LOG.info("wrote media listing path={} media={}", file, merged.size());
        }
        return merged;
    }

    private void assetsOf(User user, Media media, Visitor visitor, RunSummary summary) {
        String label = user.username() + "/" + media.id();
        try {
            Path file = layout.assetsJson(user, media);
            Map<String, @Nullable Object> assets;
            try {
                assets = service.assets(user, media.id(), null);
                AssetsFile.write(file, assets);
            } catch (CallError e) {
                Optional<Map<String, @Nullable Object>> earlier = AssetsFile.read(file);
                LOG.warn("failed asset listing media={} reason={} fallback={}", media.id(),
                        e.getMessage(), earlier.isPresent() ? "earlier assets.json" : "none");
                if (earlier.isEmpty()) {
                    summary.failed(label, "media.get_assets failed and no earlier assets.json: "
                            + e.getMessage());
                    return;
                }
                assets = earlier.get();
            }
            summary.mediaListed();
            visitor.visit(user, media, toAssets(assets));
        } catch (IOException | RuntimeException e) {
            LOG.error("failed media asset={} reason={}", label, e.toString());
            summary.failed(label, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static List<Asset> toAssets(Map<String, @Nullable Object> assets) {
        Map<String, @Nullable Object> sorted = new java.util.TreeMap<>(assets);
        List<Asset> list = new ArrayList<>(sorted.size());
        sorted.forEach((name, value) -> {
            if (value instanceof Map<?, ?> properties) {
                Map<String, @Nullable Object> copy = new LinkedHashMap<>();
                properties.forEach((key, property) -> copy.put(String.valueOf(key), property));
                list.add(new Asset(name, copy));
            }
        });
        return list;
    }
}
