package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable file replacement: write beside the target, fsync, rename over it, fsync the folder.
 * A reader, or a run killed at any moment, sees the old file or the new one, never a mix.
 */
public final class AtomicFiles {

    /** The suffix of the temporary file beside a target while it is written. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} by {@code bytes} atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        moveDurably(temp, target);
    }

    /**
     * Replaces {@code target} by {@code bytes} atomically but not durably (no fsync): after a
     * crash the file may be missing, empty or old. Only for state that is cheap to lose;
     * a reader must treat an unreadable file as absent.
     */
    public static void writeVolatile(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Renames a complete, synced file to its final name and syncs the folder. */
    public static void moveDurably(Path source, Path target) throws IOException {
        moveAtomically(source, target);
        syncFolder(target.getParent());
    }

    /**
     * Renames a complete, synced file to its final name, without syncing the folder: after a
     * power cut the rename may be undone, and the file is back under its temporary name
     * whole, never half. For asset files, whose partial file the next run checks and renames.
     */
    public static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target
                    + " cannot rename atomically; choose a local folder as DST", e);
        }
    }

    /** Flushes a folder's entries, so a rename survives a power cut. */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot open a folder for reading; the rename still happened.
        }
    }
}
