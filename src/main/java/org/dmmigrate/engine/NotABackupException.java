package org.dmmigrate.engine;

import java.nio.file.Path;

/** A folder given as a backup holds no user folder with a {@code media.json}. */
public final class NotABackupException extends Exception {

    private final Path root;

    public NotABackupException(Path root, String why) {
        super(root + " is not a dmdownload backup: " + why + "; give the DST folder that "
                + "dmdownload wrote (it holds one folder per user, each with a media.json)");
        this.root = root;
    }

    public Path root() {
        return root;
    }
}
