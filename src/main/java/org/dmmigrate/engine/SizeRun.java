package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;

/**
 * One run of dmsize: the same listing as dmdownload (and, like the original tool, the
 * listings written to the backup), then a size plan instead of downloads.
 */
public final class SizeRun {

    private final CloudkeyService service;
    private final BooleanSupplier cancelled;

    public SizeRun(CloudkeyService service, BooleanSupplier cancelled) {
        this.service = service;
        this.cancelled = cancelled;
    }

    /**
     * Lists and measures.
     *
     * @throws UnknownUserException when {@code options.username()} names nobody
     * @throws BackupLock.BackupLockedException when another run holds the folder
     * @throws IOException when the backup folder cannot be written
     */
    public SizeReport run(BackupOptions options)
            throws UnknownUserException, BackupLock.BackupLockedException, IOException {
        BackupLayout layout = new BackupLayout(options.root());
        RunSummary summary = new RunSummary();
        Map<String, AtomicLongArray> cells = new ConcurrentHashMap<>();
        try (BackupLock lock = BackupLock.acquire(layout.root())) {
            Inventory inventory = new Inventory(service, layout, options.jobs(), cancelled);
            List<User> users = inventory.users(options.username());
            for (User user : users) {
                cells.putIfAbsent(key(user.username(), ""), new AtomicLongArray(3));
            }
            inventory.walk(users, options.mediaIds(), options.shard(),
                    (user, media, assets) -> measure(layout, user, media, assets, cells, summary),
                    summary);
        }
        return new SizeReport(rows(cells), usableSpace(layout.root()), summary);
    }

    private static void measure(BackupLayout layout, User user, Media media, List<Asset> assets,
            Map<String, AtomicLongArray> cells, RunSummary summary) {
        for (Asset asset : assets) {
            AssetKind kind = AssetFiles.kind(asset);
            summary.assetSeen(kind, user.username() + "/" + media.id() + "/" + asset.name(),
                    AssetFiles.statusText(asset));
            if (kind != AssetKind.FILE) {
                continue;
            }
            long size = asset.fileSize().orElse(0);
            Path target = layout.assetFile(user, media, asset.name(), AssetFiles.extension(asset));
            AtomicLongArray cell = cells.computeIfAbsent(key(user.username(), asset.name()),
                    k -> new AtomicLongArray(3));
            cell.incrementAndGet(0);
            cell.accumulateAndGet(1, size, SizeReport::plus);
            cell.accumulateAndGet(2, present(target, asset.fileSize()), SizeReport::plus);
        }
    }

    private static long present(Path target, OptionalLong expected) {
        try {
            if (Files.isRegularFile(target)) {
                long size = Files.size(target);
                return expected.isEmpty() || expected.getAsLong() == size ? size : 0;
            }
            if (expected.isPresent()) {
                return new PartialFile(target).resumable(expected.getAsLong())
                        .map(PartialFile.Resume::length).orElse(0L);
            }
        } catch (IOException unreadable) {
            return 0;
        }
        return 0;
    }

    private static List<SizeReport.Row> rows(Map<String, AtomicLongArray> cells) {
        List<SizeReport.Row> rows = new ArrayList<>();
        new TreeMap<>(cells).forEach((key, cell) -> {
            int split = key.indexOf('\0');
            String assetName = key.substring(split + 1);
            if (!assetName.isEmpty()) {
                rows.add(new SizeReport.Row(key.substring(0, split), assetName, cell.get(0),
                        cell.get(1), cell.get(2)));
            } else if (cells.keySet().stream().noneMatch(k -> k.startsWith(key)
                    && !k.equals(key))) {
                rows.add(new SizeReport.Row(key.substring(0, split), "", 0, 0, 0));
            }
        });
        return rows;
    }

    private static String key(String username, String assetName) {
        return username + "\0" + assetName;
    }

    private static long usableSpace(Path root) throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }
}
