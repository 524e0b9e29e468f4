package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a backup folder ({@code DST/.dmmigrate.lock}), so that two runs never
 * write the same files. The operating system drops it when the process dies, even by kill -9.
 */
public final class BackupLock implements AutoCloseable {

    public static final String FILE_NAME = ".dmmigrate.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private BackupLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code root}, creating the folder if needed.
     *
     * @throws BackupLockedException when another run holds it
     */
    public static BackupLock acquire(Path root) throws IOException, BackupLockedException {
        Files.createDirectories(root);
        Path file = root.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new BackupLockedException(root);
        }
        return new BackupLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another run is using the backup folder. */
    public static final class BackupLockedException extends Exception {

        public BackupLockedException(Path root) {
            super("another run is using the backup folder " + root + " (it holds "
                    + root.resolve(FILE_NAME) + "); wait for it to finish, then rerun");
        }
    }
}
