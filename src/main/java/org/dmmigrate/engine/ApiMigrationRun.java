package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.Cdn;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@code dmmigrate --from-api}: lists the organisation like dmdownload (the
 * listings, a few KB per media, go to a work folder and into the target as sidecars) and
 * streams every file asset from the CDN into the target under the keys a backup would have,
 * without a local copy. A rerun skips the objects already there.
 *
 * <p>Not reusable across threads; each {@link #run} is independent.
 */
public final class ApiMigrationRun {

    private static final Logger LOG = LoggerFactory.getLogger(ApiMigrationRun.class);

    private final CloudkeyService service;
    private final Cdn cdn;
    private final Target target;
    private final MigrationListener listener;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;

    public ApiMigrationRun(CloudkeyService service, Cdn cdn, Target target,
            MigrationListener listener, Backoff backoff, BooleanSupplier cancelled) {
        this.service = service;
        this.cdn = cdn;
        this.target = target;
        this.listener = listener;
        this.backoff = backoff;
        this.cancelled = cancelled;
    }

    /**
     * Runs the migration; {@code options.source()} is the work folder for the listings.
     *
     * @throws UnknownUserException when {@code username} names nobody
     * @throws TargetException when the target cannot be used at all (credentials, bucket)
     */
    public MigrationSummary run(MigrationOptions options, @Nullable String username)
            throws UnknownUserException, TargetException, BackupLock.BackupLockedException,
            IOException {
        Path work = options.source().toAbsolutePath().normalize();
        Files.createDirectories(work);
        MigrationSummary summary = new MigrationSummary();
        Set<String> planned = ConcurrentHashMap.newKeySet();
        String uploads = options.prefix().isEmpty() ? "" : options.prefix() + "/";
        try (BackupLock lock = BackupLock.acquire(work)) {
            TargetCalls.retrying(backoff, cancelled, "ListMultipartUploads",
                    () -> target.listUploads(uploads));
            BackupLayout layout = new BackupLayout(work);
            Inventory inventory = new Inventory(service, layout, options.jobs(), cancelled);
            List<User> users = inventory.users(username);
            ExecutorService files = Executors.newFixedThreadPool(options.jobs(),
                    Threads.named("dmmigrate-stream"));
            ExecutorService parts = Executors.newFixedThreadPool(options.jobs(),
                    Threads.named("dmmigrate-part"));
            try {
                UploadState none = UploadState.load(work, true);
                TargetCalls calls = new TargetCalls(target, listener, backoff, cancelled,
                        options.jobs());
                ObjectUpload sidecars = new ObjectUpload(calls, none, summary, listener,
                        cancelled, parts, options);
                UploadState streams = UploadState.load(work, options.fake());
                StreamUpload stream = new StreamUpload(calls, streams, target, cdn, this::refresh,
                        summary, listener, backoff, cancelled, parts, options);
                List<Future<?>> pending = Collections.synchronizedList(new ArrayList<>());
                RunSummary listing = new RunSummary();
                inventory.walk(users, null, options.shard(), (user, media, assets) -> plan(
                        options, layout, planned, new Streaming(stream, files, pending), summary,
                        user, media, assets), listing);
                Threads.awaitAll(new ArrayList<>(pending));
                listing.failures().forEach(p -> summary.failed(p.label(), p.reason()));
                Threads.awaitAll(sidecars(work, options, sidecars, files));
            } finally {
                files.shutdownNow();
                parts.shutdownNow();
            }
            if (cancelled.getAsBoolean()) {
                summary.cancelled();
            } else if (!options.fake()) {
                // Of a sharded run, only uploads of keys it writes: another shard may be
                // sending under the same prefix right now.
                OrphanUploads.abort(target, backoff, cancelled, uploads, upload ->
                        options.shard().isAll() || planned.contains(upload.key().value()),
                        summary);
            }
        }
        return summary;
    }

    /** Where planned streams go: the uploader, its pool, and the futures to await. */
    private record Streaming(StreamUpload stream, ExecutorService files,
            List<Future<?>> pending) {
    }

    private void plan(MigrationOptions options, BackupLayout layout, Set<String> planned,
            Streaming streaming, MigrationSummary summary, User user, Media media,
            List<Asset> assets) {
        for (Asset asset : assets) {
            String label = user.username() + "/" + media.id() + "/" + asset.name();
            AssetKind kind = AssetFiles.kind(asset);
            if (kind == AssetKind.NOT_READY || kind == AssetKind.ERROR) {
                summary.failed(label, kind == AssetKind.ERROR ? "in error at the service"
                        : "not ready at the service (status " + asset.status() + ")");
                continue;
            }
            if (kind != AssetKind.FILE) {
                continue;
            }
            if (asset.fileSize().isEmpty()) {
                summary.failed(label, "the service gives no file_size; cannot stream it");
                continue;
            }
            Path file = layout.assetFile(user, media, asset.name(), AssetFiles.extension(asset));
            String path = Manifest.relativePath(layout.root(), file);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("media-id", media.id());
            metadata.put("user", MetadataText.encode(user.username()));
            metadata.put("asset-name", MetadataText.encode(asset.name()));
            if (media.title() != null) {
                metadata.put("title", MetadataText.encode(media.title()));
            }
            MigrationItem item = new MigrationItem(file, path, ObjectKey.under(options.prefix(),
                    path), asset.fileSize().getAsLong(), lower(asset.checksum()),
                    ContentTypes.of(file.getFileName().toString()), metadata);
            AssetJob job = new AssetJob(user, media, asset, file);
            planned.add(item.key().value());
            listener.queued(item);
            streaming.pending().add(streaming.files().submit(
                    () -> streaming.stream().run(job, item)));
        }
    }

    /** The listings the walk wrote, sent as sidecars once every asset is done. */
    private List<Future<?>> sidecars(Path work, MigrationOptions options, ObjectUpload upload,
            ExecutorService files) throws IOException {
        List<Future<?>> pending = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(BackupLayout.MEDIA_JSON)
                        && !name.equals(BackupLayout.ASSETS_JSON)) {
                    continue;
                }
                String path = Manifest.relativePath(work, file);
                MigrationItem item = new MigrationItem(file, path,
                        ObjectKey.under(options.prefix(), path), Files.size(file), null,
                        ContentTypes.of(name), Map.of());
                listener.queued(item);
                pending.add(files.submit(() -> upload.run(item)));
            }
        }
        return pending;
    }

    private static @Nullable String lower(@Nullable String checksum) {
        return checksum == null || !checksum.matches("[0-9a-fA-F]{32}") ? null
                : checksum.toLowerCase(java.util.Locale.ROOT);
    }

    private Asset refresh(AssetJob job) throws TransferException {
        Map<String, @Nullable Object> assets;
        try {
            assets = service.assets(job.user(), job.media().id(), List.of(job.asset().name()));
        } catch (CallError e) {
            throw new TransferException("cannot refresh the links of " + job.label() + ": "
                    + e.getMessage(), e.isRetryable(), e);
        }
        if (!(assets.get(job.asset().name()) instanceof Map<?, ?> map)) {
            throw new TransferException("the service no longer lists " + job.label(), false);
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) map;
        return new Asset(job.asset().name(), typed);
    }
}
