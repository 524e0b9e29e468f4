package org.dmmigrate.engine;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying a backup: a tally per user folder and in total, and every finding.
 *
 * @param users the tally of each user folder, sorted by folder name
 * @param total the sum of the users' tallies, plus what belongs to no user
 * @param findings what was found wrong or odd, by kind then path; of a very broken backup,
 *     the first {@value BackupScan#MAX_FINDINGS} failing ones and as many others
 * @param findingsOmitted findings counted in the tallies and not listed
 * @param manifestAdded files given a manifest entry by this verification
 * @param cancelled whether the verification was stopped before it checked every file
 * @param onlyUser the one user verified, or null when every user folder was
 * @param shard the one shard of the media verified, {@link Shard#ALL} when every media was
 * @param onlyListedMedia whether only the media named by {@code DMCLOUD_MEDIA_PATH} were
 */
public record Verification(Map<String, Tally> users, Tally total, List<Finding> findings,
        long findingsOmitted, long manifestAdded, boolean cancelled, @Nullable String onlyUser,
        Shard shard, boolean onlyListedMedia) {

    public Verification {
        users = Map.copyOf(users);
        findings = List.copyOf(findings);
    }

    /**
     * True when every expected file is present and intact and nothing else is wrong. Failing
     * findings are listed first, so an omitted one implies a listed one.
     */
    public boolean complete() {
        return !cancelled && findings.stream().noneMatch(f -> f.kind().failsBackup());
    }

    /** The findings of one kind. */
    public List<Finding> findings(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
