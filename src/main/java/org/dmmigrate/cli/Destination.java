package org.dmmigrate.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the DST argument, and failures to write it told in the user's terms. */
final class Destination {

    private Destination() {
    }

    /** Refuses an empty DST (an unset variable in a script) and a DST that is a file. */
    static Path check(Path destination) {
        return check(destination, "DST");
    }

    /** The same check for a folder argument of another name, such as SOURCE. */
    static Path check(Path folder, String name) {
        if (folder.toString().isBlank()) {
            throw new UsageException(name + " is empty; give the backup folder, such as ./dump");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(name + " " + folder + " is a file, not a folder; give "
                    + "the backup folder");
        }
        return folder;
    }

    /** An I/O failure while writing DST, with the path, the free space and the next step. */
    static IOException cannotWrite(Path destination, IOException failure) {
        String file = failure instanceof FileSystemException fs && fs.getFile() != null
                ? fs.getFile() : destination.toString();
        String reason = failure instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getReason() : String.valueOf(failure.getMessage());
        return new IOException("cannot write " + file + ": " + reason + " (free space on "
                + "the file system of " + destination + ": " + Units.bytes(free(destination))
                + "); fix that and rerun: verified files are kept, partial files resume",
                failure);
    }

    private static long free(Path destination) {
        try {
            Path existing = destination.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException unknown) {
            return 0;
        }
    }
}
