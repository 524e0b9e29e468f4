package org.dmmigrate.engine;

/** A {@link Tally} being counted; not thread-safe, owned by one verification. */
final class TallyCounter {

    long media;
    long assets;
    long files;
    long verified;
    long skippedAdaptive;
    long skippedLive;
    long notReady;
    long inError;
    long missing;
    long corrupt;
    long bytesExpected;
    long bytesPresent;
    long extra;
    long leftovers;
    long notInBackup;
    long changedOnService;

    /** Counts one finding under its kind. */
    void count(Finding.Kind kind) {
        switch (kind) {
            case MISSING, UNREADABLE -> missing++;
            case CORRUPT -> corrupt++;
            case NOT_READY -> notReady++;
            case IN_ERROR -> inError++;
            case EXTRA -> extra++;
            case LEFTOVER -> leftovers++;
            case NOT_IN_BACKUP -> notInBackup++;
            case CHANGED_ON_SERVICE -> changedOnService++;
            default -> throw new IllegalStateException("unknown finding kind " + kind);
        }
    }

    Tally tally() {
        return new Tally(media, assets, files, verified, skippedAdaptive, skippedLive, notReady,
                inError, missing, corrupt, bytesExpected, bytesPresent, extra, leftovers,
                notInBackup, changedOnService);
    }
}
