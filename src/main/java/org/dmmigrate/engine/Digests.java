package org.dmmigrate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * MD5 and SHA-256 of one stream of bytes in one pass: feed it the bytes as they come (a
 * download, a file read) and take the {@link FileDigest} at the end.
 *
 * <p>Not thread-safe: one instance per stream. The static {@link #of(Path, boolean)} reads a
 * file with a large buffer and may be called from many threads at once.
 */
public final class Digests {

    /** The read size of {@link #of(Path, boolean)}: large reads keep the hashing CPU-bound. */
    public static final int BUFFER_BYTES = 1 << 20;

    private final MessageDigest md5;
    private final @Nullable MessageDigest sha256;
    private long size;

    private Digests(boolean withSha256) {
        this.md5 = digest("MD5");
        this.sha256 = withSha256 ? digest("SHA-256") : null;
    }

    /** Both digests. */
    public static Digests create() {
        return new Digests(true);
    }

    /** MD5 only, or both when {@code withSha256}. */
    public static Digests create(boolean withSha256) {
        return new Digests(withSha256);
    }

    /** The size and digests of a whole file. */
    public static FileDigest of(Path file, boolean withSha256) throws IOException {
        Digests digests = new Digests(withSha256);
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                digests.update(buffer, 0, count);
            }
        }
        return digests.result();
    }

    /**
     * Both digests, already fed the first {@code length} bytes of a file: how a resumed
     * download continues hashing where its partial file ends.
     *
     * @throws IOException when the file is shorter than {@code length}
     */
    public static Digests resume(Path file, long length) throws IOException {
        Digests digests = new Digests(true);
        byte[] buffer = new byte[BUFFER_BYTES];
        long left = length;
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int count = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (count < 0) {
                    throw new IOException(file + " has fewer than the " + length
                            + " bytes to resume from");
                }
                digests.update(buffer, 0, count);
                left -= count;
            }
        }
        return digests;
    }

    /** Adds bytes. */
    public void update(byte[] bytes, int offset, int length) {
        md5.update(bytes, offset, length);
        if (sha256 != null) {
            sha256.update(bytes, offset, length);
        }
        size += length;
    }

    /** The bytes seen so far. */
    public long size() {
        return size;
    }

    /** The size and digests of everything added; the instance is reset afterwards. */
    public FileDigest result() {
        HexFormat hex = HexFormat.of();
        String sha = sha256 == null ? null : hex.formatHex(sha256.digest());
        FileDigest digest = new FileDigest(size, hex.formatHex(md5.digest()), sha);
        size = 0;
        return digest;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
