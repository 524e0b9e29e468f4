package org.dmmigrate.engine;

/**
 * What a verification counted for one user, or for the whole backup.
 *
 * @param media media in the user's {@code media.json}
 * @param assets assets in their {@code assets.json} files, of every kind
 * @param files assets that have a file (ready, neither adaptive nor live): expected files
 * @param verified expected files present and intact
 * @param skippedAdaptive adaptive streaming assets (no file to keep)
 * @param skippedLive live stream assets (no file to keep)
 * @param notReady assets not yet encoded on the service
 * @param inError assets whose encoding failed on the service
 * @param missing expected files (or media listings) absent
 * @param corrupt files present with the wrong size or digests
 * @param bytesExpected the sum of the expected files' listed sizes
 * @param bytesPresent the sum of the verified files' sizes
 * @param extra files that belong to no listing
 * @param leftovers partial and temporary files
 * @param notInBackup online: users, media and assets the service has and the backup lacks
 * @param changedOnService online: assets whose size or checksum differ on the service
 */
public record Tally(long media, long assets, long files, long verified, long skippedAdaptive,
        long skippedLive, long notReady, long inError, long missing, long corrupt,
        long bytesExpected, long bytesPresent, long extra, long leftovers, long notInBackup,
        long changedOnService) {

    /** Nothing counted. */
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of two tallies. */
    public Tally plus(Tally other) {
        return new Tally(media + other.media, assets + other.assets, files + other.files,
                verified + other.verified, skippedAdaptive + other.skippedAdaptive,
                skippedLive + other.skippedLive, notReady + other.notReady,
                inError + other.inError, missing + other.missing, corrupt + other.corrupt,
                bytesExpected + other.bytesExpected, bytesPresent + other.bytesPresent,
                extra + other.extra, leftovers + other.leftovers,
                notInBackup + other.notInBackup, changedOnService + other.changedOnService);
    }

    /** Whether every expected file is verified and nothing is missing on either side. */
    public boolean complete() {
        return verified == files && missing == 0 && corrupt == 0 && notReady == 0
                && inError == 0 && notInBackup == 0 && changedOnService == 0;
    }
}
