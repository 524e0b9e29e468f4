package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;
import org.dmmigrate.target.UploadInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of dmmigrate from a backup folder: every file the manifest vouches for, then the
 * sidecars, into the target under the prefix, with at most {@code jobs} requests in flight.
 * A failed object never stops the run. At the end of a whole run, multipart uploads under
 * the prefix that no state entry resumes are aborted.
 *
 * <p>Not reusable across threads; each {@link #run} is independent.
 */
public final class MigrationRun {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

    private static final String UNVERIFIED = "not in the manifest, so not sent: run "
            + "dmverify on the backup to check and record it, then rerun";

    private final Target target;
    private final MigrationListener listener;
    private final Backoff backoff;
    private final BooleanSupplier cancelled;

    public MigrationRun(Target target, MigrationListener listener, Backoff backoff,
            BooleanSupplier cancelled) {
        this.target = target;
        this.listener = listener;
        this.backoff = backoff;
        this.cancelled = cancelled;
    }

    /**
     * Runs the migration.
     *
     * @throws NotABackupException when SOURCE has no manifest
     * @throws TargetException when the target cannot be used at all (credentials, bucket)
     * @throws BackupLock.BackupLockedException when another run holds SOURCE
     * @throws IOException when SOURCE cannot be read or its state written
     */
    public MigrationSummary run(MigrationOptions options) throws NotABackupException,
            TargetException, BackupLock.BackupLockedException, IOException {
        Path root = options.source().toAbsolutePath().normalize();
        requireManifest(root);
        MigrationSummary summary = new MigrationSummary();
        try (BackupLock lock = BackupLock.acquire(root);
                Manifest manifest = Manifest.openAndFold(root)) {
            // One listing first: wrong credentials or a missing bucket stop the run here.
            TargetCalls.retrying(backoff, cancelled, "ListMultipartUploads",
                    () -> target.listUploads(uploadPrefix(options)));
            MigrationPlan plan = MigrationPlan.of(root, manifest, options.prefix(),
                    options.shard());
            plan.unverified().forEach(path -> summary.unverified(path, UNVERIFIED));
            UploadState state = UploadState.load(root, options.fake());
            LOG.info("starting migration source={} target={} prefix={} assets={} sidecars={} "
                    + "jobs={} fake={} shard={}", root, target, options.prefix(),
                    plan.assets().size(), plan.sidecars().size(), options.jobs(), options.fake(),
                    options.shard());

            ExecutorService files = Executors.newFixedThreadPool(options.jobs(),
                    Threads.named("dmmigrate-object"));
            ExecutorService parts = Executors.newFixedThreadPool(options.jobs(),
                    Threads.named("dmmigrate-part"));
            try {
                TargetCalls calls = new TargetCalls(target, listener, backoff, cancelled,
                        options.jobs());
                ObjectUpload upload = new ObjectUpload(calls, state, summary, listener,
                        cancelled, parts, options);
                sendAll(files, upload, plan.assets());
                sendAll(files, upload, plan.sidecars());
            } finally {
                files.shutdownNow();
                parts.shutdownNow();
            }
            if (cancelled.getAsBoolean()) {
                summary.cancelled();
            } else if (!options.fake()) {
                OrphanUploads.abort(target, backoff, cancelled, uploadPrefix(options),
                        orphanOf(options, plan, state), summary);
            }
            summary.kept(state.uploads().size());
        }
        return summary;
    }

    private void sendAll(ExecutorService pool, ObjectUpload upload, List<MigrationItem> items) {
        List<Future<?>> futures = new ArrayList<>();
        for (MigrationItem item : items) {
            listener.queued(item);
            futures.add(pool.submit(() -> upload.run(item)));
        }
        Threads.awaitAll(futures);
    }

    /**
     * Which open uploads are this migration's orphans: those no state entry will resume;
     * without a prefix (the bucket's root), or for one shard (the other shards may be
     * uploading under the same prefix right now), only those of keys this migration writes.
     */
    private static Predicate<UploadInfo> orphanOf(MigrationOptions options, MigrationPlan plan,
            UploadState state) {
        Map<String, UploadState.Upload> resumable = state.uploads();
        Set<String> planned = new HashSet<>();
        plan.assets().forEach(item -> planned.add(item.key().value()));
        plan.sidecars().forEach(item -> planned.add(item.key().value()));
        boolean shared = options.prefix().isEmpty() || !options.shard().isAll();
        return upload -> {
            UploadState.Upload kept = resumable.get(upload.key().value());
            return (!shared || planned.contains(upload.key().value()))
                    && (kept == null || !kept.uploadId().equals(upload.uploadId()));
        };
    }

    private static String uploadPrefix(MigrationOptions options) {
        return options.prefix().isEmpty() ? "" : options.prefix() + "/";
    }

    private static void requireManifest(Path root) throws NotABackupException {
        if (!Files.isDirectory(root)) {
            throw new NotABackupException(root, "no such folder");
        }
        if (!Files.isRegularFile(root.resolve(Manifest.FILE_NAME))
                && !Files.isRegularFile(root.resolve(Manifest.JOURNAL))) {
            throw new NotABackupException(root, "it has no " + Manifest.FILE_NAME
                    + "; run dmverify on it first to check the files and record them");
        }
    }
}
