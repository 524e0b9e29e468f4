package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.dmmigrate.protocol.CallError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a backup's listings with the service's current ones, read-only: users, media and
 * file assets the service has and the backup lacks, and assets whose size or checksum on
 * the service differ from what the backup recorded. Writes nothing.
 *
 * <p>Asset listings are asked {@value #PARALLELISM} at a time. Not thread-safe; one per
 * verification.
 */
final class OnlineComparison {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineComparison.class);

    /** {@code media.get_assets} calls in flight at once, as dmdownload's default. */
    private static final int PARALLELISM = 4;

    private final CloudkeyService service;
    private final BackupLayout layout;
    private final BackupScan scan;

    OnlineComparison(CloudkeyService service, BackupLayout layout, BackupScan scan) {
        this.service = service;
        this.layout = layout;
        this.scan = scan;
    }

    /**
     * Adds the differences to the scan's findings, for every user or only the one named.
     *
     * @throws CallError when the service cannot list its users
     */
    void compare(@Nullable String username) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM,
                Threads.named("dmmigrate-online"));
        try {
            List<Future<List<Finding>>> pending = new ArrayList<>();
            compareUsers(username, pool, pending);
            for (Future<List<Finding>> future : pending) {
                future.get().forEach(scan::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the service", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("listing the service failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void compareUsers(@Nullable String username, ExecutorService pool,
            List<Future<List<Finding>>> pending) {
        for (User user : service.users()) {
            if (username != null && !username.equals(user.username())) {
                continue;
            }
            String folder = PathNames.forUsername(user.username(), user.id());
            BackupScan.UserFolder recorded = scan.userDirs.stream()
                    .filter(dir -> dir.getFileName().toString().equals(folder)).findFirst()
                    .map(dir -> scan.user(dir, false)).orElse(null);
            List<Media> media;
            try {
                media = service.media(user);
            } catch (CallError e) {
                LOG.error("failed media listing user={} reason={}", user.username(),
                        e.getMessage());
                scan.add(new Finding(Finding.Kind.UNREADABLE, folder, folder,
                        "the service's media listing failed: " + e.getMessage()));
                continue;
            }
            if (recorded == null) {
                scan.add(new Finding(Finding.Kind.NOT_IN_BACKUP, folder, folder,
                        "user " + user.username() + " with " + media.size()
                                + " media has no folder in the backup"));
                continue;
            }
            Map<String, Media> byId = new HashMap<>();
            recorded.media().forEach(entry -> byId.put(entry.id(), entry));
            for (Media entry : media) {
                if (!scan.inScope(entry.id())) {
                    continue;
                }
                Media backup = byId.get(entry.id());
                pending.add(pool.submit(() -> compareMedia(user, recorded, entry, backup)));
            }
        }
    }

    private List<Finding> compareMedia(User user, BackupScan.UserFolder recorded,
            Media media, @Nullable Media inBackup) {
        List<Finding> found = new ArrayList<>();
        if (inBackup == null) {
            Path expected = layout.mediaDir(recorded.dir(), media);
            found.add(new Finding(Finding.Kind.NOT_IN_BACKUP, recorded.folder(),
                    scan.relative(expected), "media " + media.id() + " (" + media.title()
                            + ") is on the service and not in " + recorded.folder()
                            + "/media.json"));
            return found;
        }
        Map<String, @Nullable Object> assets;
        try {
            assets = service.assets(user, media.id(), null);
        } catch (CallError e) {
            found.add(new Finding(Finding.Kind.UNREADABLE, recorded.folder(), media.id(),
                    "the service's asset listing failed: " + e.getMessage()));
            return found;
        }
        BackupScan.MediaRecord backup = scan.record(recorded, inBackup);
        Path dir = backup.dir() != null ? backup.dir()
                : layout.mediaDir(recorded.dir(), backup.media());
        new TreeMap<>(assets).forEach((name, value) -> {
            if (value instanceof Map<?, ?> properties) {
                compareAsset(recorded.folder(), dir, backup, asset(name, properties))
                        .ifPresent(found::add);
            }
        });
        return found;
    }

    private Optional<Finding> compareAsset(String folder, Path dir,
            BackupScan.MediaRecord backup, Asset live) {
        if (AssetFiles.kind(live) != AssetKind.FILE) {
            return Optional.empty();
        }
        String label = backup.media().id() + "/" + live.name();
        String path = scan.relative(layout.assetFile(dir, live.name(),
                AssetFiles.extension(live)));
        Asset recorded = backup.assets().get(live.name());
        if (recorded == null || AssetFiles.kind(recorded) != AssetKind.FILE) {
            return Optional.of(new Finding(Finding.Kind.NOT_IN_BACKUP, folder, path, label
                    + " is ready on the service and "
                    + (recorded == null ? "not in assets.json" : "was "
                            + AssetFiles.kind(recorded).label() + " when backed up")));
        }
        OptionalLong liveSize = live.fileSize();
        OptionalLong recordedSize = recorded.fileSize();
        boolean sizeDiffers = !liveSize.equals(recordedSize);
        boolean checksumDiffers = live.checksum() != null
                && !Objects.equals(live.checksum(), recorded.checksum());
        if (!sizeDiffers && !checksumDiffers) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Finding.Kind.CHANGED_ON_SERVICE, folder, path, label
                + ": service has size " + text(liveSize) + " checksum " + live.checksum()
                + ", backup has size " + text(recordedSize) + " checksum "
                + recorded.checksum()));
    }

    private static Asset asset(String name, Map<?, ?> properties) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return new Asset(name, copy);
    }

    private static String text(OptionalLong size) {
        return size.isPresent() ? Long.toString(size.getAsLong()) : "unknown";
    }
}
