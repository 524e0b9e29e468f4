package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.dmmigrate.model.Media;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a backup offline: every file asset of every {@code assets.json} is present, of
 * its listed size, of its listed MD5 where the service gave one, and as the manifest
 * records it; reports files that belong to no listing and leftovers of interrupted runs.
 * Optionally compares the listings with the live service as well.
 *
 * <p>Files are hashed by {@code jobs} threads at once. A file that verifies against the
 * listing and has no manifest entry is given one (when {@code refresh} is asked), so trees
 * written by the original tool gain a manifest. Thread-safe; each call is independent.
 */
public final class Verifier {

    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);

    /** The names in DST that are the tools' own, never reported as extra. */
    public static final Set<String> OWN_FILES = Set.of(BackupLock.FILE_NAME, Manifest.JOURNAL,
            Manifest.FILE_NAME, Manifest.SHA256SUMS, Manifest.MD5SUMS, Manifest.DAMAGED,
            CompletenessReport.JSON_NAME, CompletenessReport.TEXT_NAME, UploadState.FILE_NAME);

    /** The folder of DST where dmcatalog writes its pages, never reported as extra. */
    public static final String CATALOG_FOLDER = "catalog";

    /** How deep to look at each file. */
    public enum Depth {
        /** Size, MD5 and SHA-256 of every file. */
        FULL,
        /** Size and MD5 of every file; SHA-256 only for files the manifest lacks. */
        MD5,
        /** Sizes only for files the manifest records; files it lacks are hashed. */
        SIZE
    }

    private final BackupLayout layout;
    private final int jobs;
    private final Depth depth;
    private final Clock clock;
    private final BooleanSupplier cancelled;
    private final @Nullable String username;
    private final Shard shard;
    private final @Nullable Set<String> mediaIds;

    public Verifier(Path root, int jobs, Depth depth, Clock clock, BooleanSupplier cancelled) {
        this(new BackupLayout(root), jobs, depth, clock, cancelled, null, Shard.ALL, null);
    }

    private Verifier(BackupLayout layout, int jobs, Depth depth, Clock clock,
            BooleanSupplier cancelled, @Nullable String username, Shard shard,
            @Nullable Set<String> mediaIds) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.layout = layout;
        this.jobs = jobs;
        this.depth = depth;
        this.clock = clock;
        this.cancelled = cancelled;
        this.username = username;
        this.shard = shard;
        this.mediaIds = mediaIds == null ? null : Set.copyOf(mediaIds);
    }

    /**
     * The same verifier restricted to one user: only that user's folder is checked (files
     * elsewhere in DST are not reported) and, online, only that user is compared.
     */
    public Verifier forUser(String name) {
        return new Verifier(layout, jobs, depth, clock, cancelled, name, shard, mediaIds);
    }

    /**
     * The same verifier restricted to the media of one shard: the others' listings are
     * skipped, their folders (when DST holds them) are not walked, and none is a finding.
     * Online, the service's media of other shards are not compared either.
     */
    public Verifier forShard(Shard only) {
        return new Verifier(layout, jobs, depth, clock, cancelled, username, only, mediaIds);
    }

    /**
     * The same verifier restricted to some media ({@code DMCLOUD_MEDIA_PATH}), as a run of
     * dmdownload restricted to them: the others are skipped as other shards' are. Null for
     * every media.
     */
    public Verifier forMedia(@Nullable Set<String> ids) {
        return new Verifier(layout, jobs, depth, clock, cancelled, username, shard, ids);
    }

    /**
     * Verifies the backup, offline unless {@code service} is given.
     *
     * @param manifest the backup's manifest, opened by the caller, who saves it
     * @param refresh whether to record verified files in the manifest
     * @param service the live service to compare the listings with, or null for offline
     * @throws NotABackupException when the folder holds no user folder with a media.json
     * @throws IOException when the manifest cannot be written or the tree cannot be read
     */
    public Verification verify(Manifest manifest, boolean refresh,
            @Nullable CloudkeyService service) throws IOException, NotABackupException {
        BackupScan scan = BackupScan.of(layout, username, shard, mediaIds);
        LOG.info("verifying backup root={} users={} jobs={} depth={} shard={}", layout.root(),
                scan.userDirs.size(), jobs, depth, shard);

        Checks checks = new Checks(scan, manifest, refresh);
        try {
            for (Path userDir : scan.userDirs) {
                BackupScan.UserFolder user = scan.user(userDir, true);
                if (user == null) {
                    continue;
                }
                for (Media media : user.media()) {
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                    if (!scan.inScope(media.id())) {
                        scan.skip(user, media);
                        continue;
                    }
                    for (BackupScan.PlannedFile file : scan.plan(user, media)) {
                        checks.submit(file);
                    }
                }
            }
            checks.awaitAll();
        } finally {
            checks.pool.shutdownNow();
        }
        walkTree(scan);
        if (Files.exists(layout.root().resolve(Manifest.DAMAGED))) {
            scan.add(new Finding(Finding.Kind.UNREADABLE, "", Manifest.FILE_NAME, "it had rows "
                    + "that could not be read, kept in " + Manifest.DAMAGED + ": the files they "
                    + "recorded were checked against their listings only and recorded again "
                    + "from their bytes; compare the copy with " + Manifest.FILE_NAME
                    + ", then delete the copy"));
        }
        if (service != null && !cancelled.getAsBoolean()) {
            new OnlineComparison(service, layout, scan).compare(username);
        }

        Map<String, Tally> users = new TreeMap<>();
        Tally total = Tally.ZERO;
        for (Map.Entry<String, TallyCounter> counter : scan.counters().entrySet()) {
            Tally tally = counter.getValue().tally();
            if (!counter.getKey().isEmpty()) {
                users.put(counter.getKey(), tally);
            }
            total = total.plus(tally);
        }
        boolean stopped = cancelled.getAsBoolean() || checks.checked < checks.planned;
        List<Finding> findings = scan.findings();
        LOG.info("verified backup root={} verified={} findings={} manifest_added={}",
                layout.root(), total.verified(), findings.size() + scan.omitted(),
                checks.added);
        return new Verification(users, total, findings, scan.omitted(), checks.added,
                stopped, username, shard, mediaIds != null);
    }

    /**
     * The checks of one verification: files hashed by {@code jobs} threads, a bounded
     * number queued, each result counted as it comes and verified files recorded in the
     * manifest in batches.
     */
    private final class Checks {

        private static final int BATCH = 500;

        private final BackupScan scan;
        private final Manifest manifest;
        private final boolean refresh;
        private final FileCheck check = new FileCheck(depth);
        private final ExecutorService pool = Executors.newFixedThreadPool(jobs,
                Threads.named("dmmigrate-hash"));
        private final int window = jobs * 4;
        private final Semaphore queued = new Semaphore(window);
        private final List<Manifest.Entry> recorded = new ArrayList<>();
        private @Nullable IOException failure;
        private long planned;
        private long checked;
        private long added;

        Checks(BackupScan scan, Manifest manifest, boolean refresh) {
            this.scan = scan;
            this.manifest = manifest;
            this.refresh = refresh;
        }

        void submit(BackupScan.PlannedFile file) throws IOException {
            planned++;
            acquire(1);
            pool.execute(() -> {
                try {
                    if (!cancelled.getAsBoolean()) {
                        Optional<Manifest.Entry> known = manifest.entry(file.path());
                        counted(check.check(file, known), known.isPresent());
                    }
                } catch (IOException e) {
                    failed(e);
                } finally {
                    queued.release();
                }
            });
            rethrow();
        }

        void awaitAll() throws IOException {
            acquire(window);
            queued.release(window);
            List<Manifest.Entry> rest;
            synchronized (this) {
                rest = new ArrayList<>(recorded);
                recorded.clear();
            }
            manifest.recordAll(rest);
            rethrow();
        }

        private void acquire(int permits) throws IOException {
            try {
                queued.acquire(permits);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while verifying " + layout.root(), e);
            }
        }

        private void counted(FileCheck.Result result, boolean known) throws IOException {
            Manifest.Entry entry = tally(scan, result, known);
            List<Manifest.Entry> batch = null;
            synchronized (this) {
                checked++;
                if (entry != null) {
                    added += known ? 0 : 1;
                    recorded.add(entry);
                    if (recorded.size() >= BATCH) {
                        batch = new ArrayList<>(recorded);
                        recorded.clear();
                    }
                }
            }
            if (batch != null) {
                manifest.recordAll(batch);
            }
        }

        private synchronized void failed(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }

        private synchronized void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        /** Counts one result; returns the manifest entry to record for it, if any. */
        private Manifest.@Nullable Entry tally(BackupScan scan, FileCheck.Result result,
                boolean known) {
            BackupScan.PlannedFile file = result.file();
            switch (result.status()) {
                case VERIFIED -> {
                    synchronized (scan) {
                        TallyCounter counter = scan.counter(file.user());
                        counter.verified++;
                        counter.bytesPresent += result.size();
                    }
                    return refresh ? entryFor(file, result, known) : null;
                }
                case MISSING -> scan.add(new Finding(Finding.Kind.MISSING, file.user(),
                        file.path(), result.detail()));
                case CORRUPT -> scan.add(new Finding(Finding.Kind.CORRUPT, file.user(),
                        file.path(), result.detail()));
                default -> throw new IllegalStateException("unknown status " + result.status());
            }
            return null;
        }

        private Manifest.@Nullable Entry entryFor(BackupScan.PlannedFile file,
                FileCheck.Result result, boolean known) {
            FileDigest digest = result.digest();
            if (digest == null || digest.sha256() == null) {
                return null;
            }
            if (known && depth != Depth.FULL) {
                return null;
            }
            return Manifest.Entry.of(layout.root(), file.file(), digest, file.user(),
                    file.mediaId(), file.asset().name(),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private void walkTree(BackupScan scan) throws IOException {
        Path root = layout.root();
        Set<String> userFolders = new HashSet<>();
        scan.userDirs.forEach(dir -> userFolders.add(dir.getFileName().toString()));
        Path start = username == null ? root : scan.userDirs.get(0);
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean catalog = dir.getParent() != null && dir.getParent().equals(root)
                        && dir.getFileName().toString().equals(CATALOG_FOLDER);
                // A media folder's own files were checked with its listing.
                return catalog || scan.isMediaDir(dir) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                visit(scan, root, userFolders, file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                LOG.warn("skipped unreadable path path={} reason={}", file, e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void visit(BackupScan scan, Path root, Set<String> userFolders, Path file) {
        String name = file.getFileName().toString();
        Path parent = file.getParent();
        if (parent.equals(root) && OWN_FILES.contains(name)) {
            return;
        }
        boolean inUserFolder = parent.getParent() != null && parent.getParent().equals(root)
                && userFolders.contains(parent.getFileName().toString());
        if (inUserFolder && name.equals(BackupLayout.MEDIA_JSON)) {
            return;
        }
        String path = scan.relative(file);
        int slash = path.indexOf('/');
        String user = slash > 0 && userFolders.contains(path.substring(0, slash))
                ? path.substring(0, slash) : "";
        scan.other(user, file);
    }
}
