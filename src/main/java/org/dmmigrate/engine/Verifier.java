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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
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
            Manifest.FILE_NAME, Manifest.SHA256SUMS, Manifest.MD5SUMS,
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

    public Verifier(Path root, int jobs, Depth depth, Clock clock, BooleanSupplier cancelled) {
        this(new BackupLayout(root), jobs, depth, clock, cancelled, null, Shard.ALL);
    }

    private Verifier(BackupLayout layout, int jobs, Depth depth, Clock clock,
            BooleanSupplier cancelled, @Nullable String username, Shard shard) {
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
    }

    /**
     * The same verifier restricted to one user: only that user's folder is checked (files
     * elsewhere in DST are not reported) and, online, only that user is compared.
     */
    public Verifier forUser(String name) {
        return new Verifier(layout, jobs, depth, clock, cancelled, name, shard);
    }

    /**
     * The same verifier restricted to the media of one shard: the others' listings are
     * skipped, their folders (when DST holds them) are not walked, and none is a finding.
     * Online, the service's media of other shards are not compared either.
     */
    public Verifier forShard(Shard only) {
        return new Verifier(layout, jobs, depth, clock, cancelled, username, only);
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
        BackupScan scan = BackupScan.of(layout, username, shard);
        LOG.info("verifying backup root={} files={} jobs={} depth={} shard={}", layout.root(),
                scan.files.size(), jobs, depth, shard);

        List<FileCheck.Result> results = checkAll(scan, manifest);
        List<Manifest.Entry> recorded = new ArrayList<>();
        long added = 0;
        for (FileCheck.Result result : results) {
            added += tally(scan, result, manifest, refresh ? recorded : null) ? 1 : 0;
        }
        manifest.recordAll(recorded);
        walkTree(scan);
        if (service != null && !cancelled.getAsBoolean()) {
            new OnlineComparison(service, layout, scan).compare(username);
        }

        Map<String, Tally> users = new TreeMap<>();
        Tally total = Tally.ZERO;
        for (Map.Entry<String, TallyCounter> counter : scan.counters.entrySet()) {
            Tally tally = counter.getValue().tally();
            if (!counter.getKey().isEmpty()) {
                users.put(counter.getKey(), tally);
            }
            total = total.plus(tally);
        }
        boolean stopped = cancelled.getAsBoolean() || results.size() < scan.files.size();
        LOG.info("verified backup root={} verified={} findings={} manifest_added={}",
                layout.root(), total.verified(), scan.findings.size(), added);
        List<Finding> findings = new ArrayList<>(scan.findings);
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::path));
        return new Verification(users, total, findings, added, stopped, username, shard);
    }

    private List<FileCheck.Result> checkAll(BackupScan scan, Manifest manifest)
            throws IOException {
        List<BackupScan.PlannedFile> planned = new ArrayList<>(scan.files);
        // The largest first, so the threads finish together.
        planned.sort(Comparator.comparingLong(
                (BackupScan.PlannedFile p) -> p.asset().fileSize().orElse(0)).reversed());
        FileCheck check = new FileCheck(depth);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, Threads.named("dmmigrate-hash"));
        try {
            List<Future<FileCheck.Result>> futures = new ArrayList<>(planned.size());
            for (BackupScan.PlannedFile file : planned) {
                futures.add(pool.submit(() -> cancelled.getAsBoolean() ? null
                        : check.check(file, manifest.entry(file.path()))));
            }
            List<FileCheck.Result> results = new ArrayList<>(futures.size());
            for (Future<FileCheck.Result> future : futures) {
                FileCheck.Result result = future.get();
                if (result != null) {
                    results.add(result);
                }
            }
            results.sort(Comparator.comparing(r -> r.file().path()));
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying " + layout.root(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a file check failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts one result; true when it gives the file a new manifest entry. */
    private boolean tally(BackupScan scan, FileCheck.Result result, Manifest manifest,
            @Nullable List<Manifest.Entry> recorded) {
        BackupScan.PlannedFile file = result.file();
        switch (result.status()) {
            case VERIFIED -> {
                TallyCounter counter = scan.counter(file.user());
                counter.verified++;
                counter.bytesPresent += result.size();
                return recorded != null && record(file, result, manifest, recorded);
            }
            case MISSING -> scan.add(new Finding(Finding.Kind.MISSING, file.user(), file.path(),
                    result.detail()));
            case CORRUPT -> scan.add(new Finding(Finding.Kind.CORRUPT, file.user(), file.path(),
                    result.detail()));
            default -> throw new IllegalStateException("unknown status " + result.status());
        }
        return false;
    }

    private boolean record(BackupScan.PlannedFile file, FileCheck.Result result,
            Manifest manifest, List<Manifest.Entry> recorded) {
        FileDigest digest = result.digest();
        if (digest == null || digest.sha256() == null) {
            return false;
        }
        Optional<Manifest.Entry> earlier = manifest.entry(file.path());
        boolean added = earlier.isEmpty();
        if (added || depth == Depth.FULL) {
            recorded.add(Manifest.Entry.of(layout.root(), file.file(), digest, file.user(),
                    file.mediaId(), file.asset().name(),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        }
        return added;
    }

    private void walkTree(BackupScan scan) throws IOException {
        Path root = layout.root();
        Set<String> userFolders = new HashSet<>();
        scan.users.forEach(user -> userFolders.add(user.folder()));
        Path start = username == null || scan.users.isEmpty() ? root : scan.users.get(0).dir();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean catalog = dir.getParent() != null && dir.getParent().equals(root)
                        && dir.getFileName().toString().equals(CATALOG_FOLDER);
                return catalog || scan.otherShards.contains(dir) ? FileVisitResult.SKIP_SUBTREE
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
        if (scan.known.contains(file)) {
            return;
        }
        String name = file.getFileName().toString();
        if (file.getParent().equals(root) && OWN_FILES.contains(name)) {
            return;
        }
        String path = scan.relative(file);
        int slash = path.indexOf('/');
        String user = slash > 0 && userFolders.contains(path.substring(0, slash))
                ? path.substring(0, slash) : "";
        if (name.endsWith(BackupLayout.PART_SUFFIX) || name.endsWith(PartialFile.STATE_SUFFIX)
                || name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
            scan.add(new Finding(Finding.Kind.LEFTOVER, user, path,
                    "left by an interrupted run; dmdownload resumes or removes it"));
        } else {
            scan.add(new Finding(Finding.Kind.EXTRA, user, path, "in no listing"));
        }
    }
}
