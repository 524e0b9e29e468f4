package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The completeness report of a backup, kept in DST as {@code REPORT.json} (for scripts) and
 * {@code REPORT.txt} (for people): per user and in total, the media and assets expected,
 * present, skipped by kind, not ready, in error, missing and corrupt, the bytes expected and
 * present; when, against which service and by which tool it was made; and every finding.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompletenessReport {

    public static final String JSON_NAME = "REPORT.json";
    public static final String TEXT_NAME = "REPORT.txt";

    /** The service of a verification that asked none. */
    public static final String OFFLINE = "offline verification";

    /** Findings listed one per line in the text before the rest are only counted. */
    private static final int SHOWN = 100;

    private final Verification verification;
    private final Path root;
    private final String tool;
    private final String service;
    private final Instant generatedAt;
    private final long manifestEntries;

    /**
     * A report of a verification.
     *
     * @param tool the tool and version that made it, such as {@code dmverify 0.1.0}
     * @param service the API URL the backup was compared with, or {@link #OFFLINE}
     */
    public CompletenessReport(Verification verification, Path root, String tool,
            String service, Instant generatedAt, long manifestEntries) {
        this.verification = verification;
        this.root = root.toAbsolutePath().normalize();
        this.tool = tool;
        this.service = service;
        this.generatedAt = generatedAt.truncatedTo(ChronoUnit.SECONDS);
        this.manifestEntries = manifestEntries;
    }

    /**
     * What dmdownload calls at the end of a run, holding the backup's lock: verifies the
     * backup offline trusting the sizes of the files the manifest records (files it lacks
     * are hashed and recorded), saves the manifest, and writes the report into DST.
     *
     * <p>A backup with no user folder yet (an organisation without users) gets an empty
     * report.
     *
     * @param manifest the run's manifest, with every file verified in the run recorded
     * @param service the API URL the run listed
     * @throws IOException when the manifest or the report cannot be written
     */
    public static CompletenessReport afterRun(Path root, Manifest manifest, String tool,
            String service, int jobs, Clock clock, BooleanSupplier cancelled)
            throws IOException {
        return afterRun(root, manifest, tool, service, jobs, clock, cancelled, Shard.ALL,
                null);
    }

    /**
     * As {@link #afterRun(Path, Manifest, String, String, int, Clock, BooleanSupplier)}, for
     * a run of one shard or restricted to some media ({@code DMCLOUD_MEDIA_PATH}): only those
     * media are expected, the others are no finding.
     *
     * @param shard the shard the run took, {@link Shard#ALL} for every media
     * @param mediaIds the media the run was restricted to, or null for every media
     * @throws IOException when the manifest or the report cannot be written
     */
    public static CompletenessReport afterRun(Path root, Manifest manifest, String tool,
            String service, int jobs, Clock clock, BooleanSupplier cancelled, Shard shard,
            @Nullable Set<String> mediaIds) throws IOException {
        // Saved first, so that the verification finds this run's entries on disk.
        manifest.save();
        Verification verification;
        try {
            verification = new Verifier(root, jobs, Verifier.Depth.SIZE, clock, cancelled)
                    .forShard(shard).forMedia(mediaIds).verify(manifest, true, null);
        } catch (NotABackupException e) {
            verification = new Verification(Map.of(), Tally.ZERO, List.of(), 0, 0, false,
                    null, shard, mediaIds != null);
        }
        manifest.save();
        CompletenessReport report = new CompletenessReport(verification, root, tool, service,
                clock.instant(), manifest.size());
        report.write();
        return report;
    }

    /** The human-readable report, {@code DST/REPORT.txt}. */
    public Path textFile() {
        return root.resolve(TEXT_NAME);
    }

    public Verification verification() {
        return verification;
    }

    /** Writes {@code REPORT.json} and {@code REPORT.txt} into DST, atomically. */
    public void write() throws IOException {
        AtomicFiles.write(root.resolve(JSON_NAME), BackupJson.format(tree()));
        AtomicFiles.write(root.resolve(TEXT_NAME), text().getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON tree of {@code REPORT.json}. */
    public Map<String, @Nullable Object> tree() {
        Map<String, @Nullable Object> tree = new LinkedHashMap<>();
        tree.put("backup", root.toString());
        tree.put("tool", tool);
        tree.put("generated_at", generatedAt.toString());
        tree.put("service", service);
        tree.put("scope", scope());
        if (!verification.shard().isAll()) {
            tree.put("shard", verification.shard().toString());
        }
        tree.put("complete", verification.complete());
        tree.put("interrupted", verification.cancelled());
        tree.put("manifest_entries", manifestEntries);
        tree.put("manifest_added", verification.manifestAdded());
        tree.put("total", tally(verification.total()));
        Map<String, Object> users = new LinkedHashMap<>();
        verification.users().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(user -> users.put(user.getKey(), tally(user.getValue())));
        tree.put("users", users);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding finding : verification.findings()) {
            findings.add(Map.of("kind", finding.kind().name().toLowerCase(Locale.ROOT),
                    "user", finding.user(), "path", finding.path(), "detail", finding.detail()));
        }
        tree.put("findings", findings);
        tree.put("findings_omitted", verification.findingsOmitted());
        return tree;
    }

    /** The text of {@code REPORT.txt}. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Backup report for ").append(root).append('\n');
        out.append("  status         ").append(status()).append('\n');
        out.append("  checked        ").append(generatedAt).append(" by ").append(tool)
                .append('\n');
        out.append("  service        ").append(service).append('\n');
        out.append("  scope          ").append(scope()).append('\n');
        out.append("  manifest       ").append(manifestEntries).append(" files recorded, ")
                .append(verification.manifestAdded()).append(" added now\n\n");
        out.append(ReportTable.render(verification));
        List<Finding> findings = verification.findings();
        if (!findings.isEmpty()) {
            out.append("\nFindings (").append(findings.size() + verification.findingsOmitted())
                    .append(")\n");
            for (int i = 0; i < Math.min(SHOWN, findings.size()); i++) {
                Finding finding = findings.get(i);
                out.append(String.format("  %-19s %s: %s%n", finding.kind().label(),
                        finding.path(), finding.detail()));
            }
            if (findings.size() > SHOWN) {
                out.append("  ... and ").append(findings.size() - SHOWN)
                        .append(" more, listed in ").append(JSON_NAME).append('\n');
            }
            if (verification.findingsOmitted() > 0) {
                out.append("  ... and ").append(verification.findingsOmitted())
                        .append(" more, counted above and not listed\n");
            }
            if (verification.total().corrupt() > 0) {
                out.append("\nA corrupt file is not replaced by a rerun of dmdownload while its "
                        + "size is right: delete it, then rerun dmdownload to fetch it again.\n");
            }
        }
        return out.toString();
    }

    private String scope() {
        String user = verification.onlyUser();
        String users = user == null ? "every user folder" : "user " + user + " only";
        Shard shard = verification.shard();
        String media = verification.onlyListedMedia()
                ? ", only the media named by DMCLOUD_MEDIA_PATH" : "";
        return (shard.isAll() ? users : users + ", shard " + shard + " of the media only")
                + media;
    }

    private String status() {
        if (verification.cancelled()) {
            return "INTERRUPTED: not every file was checked";
        }
        return verification.complete() ? "COMPLETE: every expected file is present and intact"
                : "INCOMPLETE: see the findings below";
    }

    private static Map<String, Object> tally(Tally tally) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("complete", tally.complete());
        tree.put("media", tally.media());
        tree.put("assets_listed", tally.assets());
        tree.put("assets_expected", tally.files());
        tree.put("assets_present", tally.verified());
        tree.put("skipped_by_kind", Map.of(AssetKind.ADAPTIVE.label(), tally.skippedAdaptive(),
                AssetKind.LIVE.label(), tally.skippedLive()));
        tree.put("not_ready", tally.notReady());
        tree.put("in_error", tally.inError());
        tree.put("failed", tally.missing() + tally.corrupt());
        tree.put("missing", tally.missing());
        tree.put("corrupt", tally.corrupt());
        tree.put("bytes_expected", tally.bytesExpected());
        tree.put("bytes_present", tally.bytesPresent());
        tree.put("extra", tally.extra());
        tree.put("leftover_partial", tally.leftovers());
        tree.put("not_in_backup", tally.notInBackup());
        tree.put("changed_on_service", tally.changedOnService());
        return tree;
    }
}
