package org.dmmigrate.engine;

/**
 * One thing a verification found wrong or odd in a backup.
 *
 * @param kind what was found
 * @param user the user folder it is in, empty for DST itself
 * @param path the file or folder concerned, relative to DST, {@code /} between names
 * @param detail what differed, in words (sizes, digests, statuses)
 */
public record Finding(Kind kind, String user, String path, String detail) {

    /** The kinds of findings; {@link #failsBackup()} says which make the backup not intact. */
    public enum Kind {
        /** An asset file (or a media's {@code assets.json}) that should be there is not. */
        MISSING("missing", true),
        /** A file whose size or digests differ from the listing or the manifest. */
        CORRUPT("corrupt", true),
        /** An asset the service has not finished encoding: it has no file yet. */
        NOT_READY("not ready", true),
        /** An asset whose encoding failed on the service: it has no file. */
        IN_ERROR("in error", true),
        /** A listing ({@code media.json}, {@code assets.json}) that cannot be read. */
        UNREADABLE("unreadable listing", true),
        /** Online: a user, media or asset the service has and the backup lacks. */
        NOT_IN_BACKUP("not in backup", true),
        /** Online: an asset whose size or checksum on the service differ from the backup's. */
        CHANGED_ON_SERVICE("changed on service", true),
        /** A file that is neither a listing, an asset file nor one of the tools' own. */
        EXTRA("extra", false),
        /** A partial or temporary file left by an interrupted run. */
        LEFTOVER("leftover partial", false);

        private final String label;
        private final boolean failsBackup;

        Kind(String label, boolean failsBackup) {
            this.label = label;
            this.failsBackup = failsBackup;
        }

        /** A short phrase for reports. */
        public String label() {
            return label;
        }

        /** Whether a finding of this kind makes the backup incomplete or not intact. */
        public boolean failsBackup() {
            return failsBackup;
        }
    }
}
