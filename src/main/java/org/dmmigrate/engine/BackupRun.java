package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.dmmigrate.protocol.Cdn;
import org.dmmigrate.protocol.CallError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of dmdownload: lists the organisation, records the listings, and brings every file
 * asset into the backup with at most {@code jobs} downloads in flight.
 *
 * <p>Adaptive and live assets are skipped and counted; assets not ready or in error are
 * reported and make the run incomplete; a failed asset never stops the run. Cancellation
 * (Ctrl-C) stops workers between chunks and keeps partial files for the next run.
 */
public final class BackupRun {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRun.class);

    /** How long a cancelled run waits for downloads still blocked in a read. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private static final Duration POLL = Duration.ofMillis(100);

    private final CloudkeyService service;
    private final Cdn cdn;
    private final TransferListener listener;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;
    private final Provenance provenance;

    public BackupRun(Provenance provenance, CloudkeyService service, Cdn cdn,
            TransferListener listener, Backoff backoff, BooleanSupplier cancelled) {
        this.provenance = provenance;
        this.service = service;
        this.cdn = cdn;
        this.listener = listener;
        this.backoff = backoff;
        this.cancelled = cancelled;
    }

    /**
     * Runs the backup.
     *
     * @throws UnknownUserException when {@code options.username()} names nobody
     * @throws BackupLock.BackupLockedException when another run holds the folder
     * @throws IOException when the backup folder cannot be written
     */
    public RunSummary run(BackupOptions options)
            throws UnknownUserException, BackupLock.BackupLockedException, IOException {
        BackupLayout layout = new BackupLayout(options.root());
        RunSummary summary = new RunSummary();
        try (BackupLock lock = BackupLock.acquire(layout.root());
                Manifest manifest = Manifest.openAndFold(layout.root())) {
            Inventory inventory = new Inventory(service, layout, options.jobs(), cancelled);
            List<User> users = inventory.users(options.username());
            LOG.info("starting backup root={} users={} jobs={} fake={} shard={}", layout.root(),
                    users.size(), options.jobs(), options.fake(), options.shard());

            Downloads downloads = new Downloads(options, summary, manifest);
            try {
                inventory.walk(users, options.mediaIds(), options.shard(),
                        (user, media, assets) -> downloads.plan(layout, user, media, assets),
                        summary);
                downloads.awaitAll();
            } finally {
                downloads.pool.shutdownNow();
            }
            record(options, manifest, summary);
        }
        if (cancelled.getAsBoolean()) {
            summary.cancelled();
        }
        return summary;
    }

    /**
     * Keeps the record of the run: the manifest always; after a whole run, also the
     * completeness report, which checks every expected file of the backup (by size for the
     * files the manifest knows, by hashing the others).
     */
    private void record(BackupOptions options, Manifest manifest, RunSummary summary)
            throws IOException {
        if (options.fake()) {
            return;
        }
        if (cancelled.getAsBoolean()) {
            manifest.save();
            return;
        }
        CompletenessReport report = CompletenessReport.afterRun(options.root(), manifest,
                provenance.tool(), provenance.service(), options.jobs(), Clock.systemUTC(),
                cancelled, options.shard(), options.mediaIds());
        summary.reported(report.textFile());
        LOG.info("wrote completeness report path={}", report.textFile());
    }

    /** The download side of a run: a bounded pool of transfers. */
    private final class Downloads {

        private final BackupOptions options;
        private final RunSummary summary;
        private final ExecutorService pool;
        private final Semaphore queued;
        private final Phaser pending = new Phaser(1);
        private final Transfer transfer;

        Downloads(BackupOptions options, RunSummary summary, Manifest manifest) {
            this.options = options;
            this.summary = summary;
            this.pool = Executors.newFixedThreadPool(options.jobs(),
                    Threads.named("dmmigrate-transfer"));
            this.queued = new Semaphore(options.jobs() * 2);
            this.transfer = new Transfer(cdn, this::refresh, listener, backoff, cancelled,
                    (job, digest) -> record(manifest, job, digest), options.secondRead());
        }

        void plan(BackupLayout layout, User user, Media media, List<Asset> assets) {
            for (Asset asset : assets) {
                String label = user.username() + "/" + media.id() + "/" + asset.name();
                AssetKind kind = AssetFiles.kind(asset);
                summary.assetSeen(kind, label, AssetFiles.statusText(asset));
                if (kind != AssetKind.FILE) {
                    LOG.debug("skipping asset asset={} kind={}", label, kind.label());
                    continue;
                }
                Object size = asset.properties().get("file_size");
                if (size != null && asset.fileSize().isEmpty()) {
                    summary.failed(label, "file_size " + size + " is not a whole number of "
                            + "bytes: the service answered something that is not the CloudKey"
                            + " API; rerun later or report it");
                    continue;
                }
                AssetJob job = new AssetJob(user, media, asset,
                        layout.assetFile(user, media, asset.name(), AssetFiles.extension(asset)));
                summary.planned(asset.fileSize().orElse(0));
                if (options.fake()) {
                    if (AssetFiles.url(asset) == null) {
                        summary.failed(label, "no download_url or stream_url");
                    }
                    continue;
                }
                listener.queued(job);
                submit(job);
            }
        }

        private void record(Manifest manifest, AssetJob job, FileDigest digest) {
            try {
                manifest.record(Manifest.Entry.of(manifest.root(), job.target(), digest,
                        job.user().username(), job.media().id(), job.asset().name(),
                        Instant.now()));
            } catch (IOException e) {
                // The file is verified and in place; the report pass records it again.
                LOG.warn("failed manifest entry asset={} reason={}", job.label(), e.toString());
            }
        }

        private void submit(AssetJob job) {
            if (!awaitRoom()) {
                return;
            }
            pending.register();
            pool.execute(() -> {
                try {
                    summary.transferred(transfer.run(job), job.label());
                } catch (RuntimeException e) {
                    LOG.error("failed asset asset={} reason={}", job.label(), e.toString());
                    summary.failed(job.label(), e.toString());
                } finally {
                    queued.release();
                    pending.arriveAndDeregister();
                }
            });
        }

        /** Waits for room in the queue; false when the run was cancelled meanwhile. */
        private boolean awaitRoom() {
            try {
                while (!queued.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /**
         * Waits for every transfer; once the run is cancelled, waits at most
         * {@link #STOP_GRACE} more, since a download blocked in a read notices the
         * cancellation only when its read returns. Its partial file stays resumable.
         */
        void awaitAll() {
            int phase = pending.arrive();
            long cancelledAt = 0;
            while (true) {
                try {
                    pending.awaitAdvanceInterruptibly(phase, POLL.toMillis(),
                            TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (!cancelled.getAsBoolean()) {
                        continue;
                    }
                    long now = System.nanoTime();
                    if (cancelledAt == 0) {
                        cancelledAt = now;
                    } else if (now - cancelledAt > STOP_GRACE.toNanos()) {
                        LOG.warn("stopping without waiting for downloads blocked in a read "
                                + "downloads={}", pending.getUnarrivedParties());
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private Asset refresh(AssetJob job) throws TransferException {
            Map<String, @Nullable Object> assets;
            try {
                assets = service.assets(job.user(), job.media().id(),
                        List.of(job.asset().name()));
            } catch (CallError e) {
                throw new TransferException("cannot refresh the links of " + job.label() + ": "
                        + e.getMessage(), e.isRetryable(), e);
            }
            Object properties = assets.get(job.asset().name());
            if (!(properties instanceof Map<?, ?> map)) {
                throw new TransferException("the service no longer lists " + job.label(), false);
            }
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) map;
            keepListing(job, typed);
            return new Asset(job.asset().name(), typed);
        }

        /**
         * Puts a refreshed asset into the media's {@code assets.json} when more than its links
         * changed (new size or checksum), so that dmverify checks the file against what it
         * was verified with. Several assets of one media may refresh at once: one at a time.
         */
        private synchronized void keepListing(AssetJob job, Map<String, @Nullable Object> asset) {
            Path file = job.target().resolveSibling(BackupLayout.ASSETS_JSON);
            if (!Files.isRegularFile(file)) {
                return;
            }
            try {
                Map<String, @Nullable Object> listing = new LinkedHashMap<>(
                        AssetsFile.read(file).orElse(Map.of()));
                listing.put(job.asset().name(), asset);
                AssetsFile.write(file, listing);
            } catch (IOException e) {
                LOG.warn("kept earlier listing path={} asset={} reason={}", file, job.label(),
                        e.toString());
            }
        }
    }
}
