package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of a local file, read from disk on every open; the etag is made of the file's
 * size and modification time, so it changes when the file is rewritten.
 *
 * <p>Immutable and thread-safe; the file itself may change under it.
 */
public final class FileContent implements Content {

    private final Path file;

    /** Serves {@code file}, which must exist when a method is called. */
    public FileContent(Path file) {
        this.file = file;
    }

    /** The file served. */
    public Path file() {
        return file;
    }

    /** @throws UncheckedIOException when the file is gone or unreadable */
    @Override
    public long length() {
        return attributes().size();
    }

    /** @throws UncheckedIOException when the file is gone or unreadable */
    @Override
    public String etag() {
        BasicFileAttributes attributes = attributes();
        return Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis());
    }

    @Override
    public InputStream open(long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            Offsets.check(offset, channel.size(), file);
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private BasicFileAttributes attributes() {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attributes of " + file, e);
        }
    }

    /** Equal when serving the same path. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FileContent that && file.equals(that.file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    @Override
    public String toString() {
        return "FileContent[" + file + "]";
    }
}
