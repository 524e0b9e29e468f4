package org.dmmigrate.target;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The bytes of one object or part, with their length and MD5 known before they are sent, so
 * that the store can refuse a body that does not match. Reopenable: a retry reads the bytes
 * again from the start. A file payload streams from the file; nothing is held in memory.
 *
 * @param length the number of bytes
 * @param md5 their MD5, lowercase hex
 * @param source opens a fresh stream of exactly {@code length} bytes
 */
public record Payload(long length, String md5, Source source) {

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

    /** Opens the bytes of a payload, once per attempt. */
    @FunctionalInterface
    public interface Source {

        InputStream open() throws IOException;
    }

    public Payload {
        if (length < 0 || !MD5_HEX.matcher(md5).matches()) {
            throw new IllegalArgumentException("not a payload: length=" + length
                    + " md5=" + md5);
        }
    }

    /** {@code length} bytes of {@code file} from {@code offset}. */
    public static Payload ofFile(Path file, long offset, long length, String md5) {
        return new Payload(length, md5, () -> {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedStream(Channels.newInputStream(channel), length);
        });
    }

    /** Bytes already in memory (one part of a stream); the array is not copied. */
    public static Payload ofBytes(byte[] bytes, int length, String md5) {
        return new Payload(length, md5, () -> new ByteArrayInputStream(bytes, 0,
                length));
    }
}
