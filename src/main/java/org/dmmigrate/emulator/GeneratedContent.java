package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Pseudo-random bytes computed on the fly from (seed, media id, asset name), so that a
 * synthetic organisation of many gigabytes costs no disk and the same inputs always give the
 * same bytes.
 *
 * <p>One 64 KiB block is drawn per content; block {@code k} of the stream is that block rotated
 * by an amount derived from {@code k}, with its first 8 bytes mixed with {@code k}, so every
 * block differs while reading stays a memory copy. Not cryptographic. Immutable and
 * thread-safe; each opened stream is for one reader.
 */
public final class GeneratedContent implements Content {

    static final int BLOCK = 1 << 16;

    private static final int MASK = BLOCK - 1;

    private final long salt;

    private final long length;

    private volatile byte @Nullable [] block;

    /**
     * The content of one asset.
     *
     * @throws IllegalArgumentException when {@code length} is negative
     */
    public GeneratedContent(long seed, String mediaId, String assetName, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for media="
                    + mediaId + " asset=" + assetName);
        }
        this.salt = saltOf(seed, mediaId, assetName);
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public String etag() {
        return "gen-" + Long.toHexString(salt) + "-" + Long.toHexString(length);
    }

    @Override
    public InputStream open(long offset) {
        Offsets.check(offset, length, this);
        return new Stream(block(), offset);
    }

    /**
     * The MD5 of all the bytes, 32 lowercase hex characters; reads the whole content, so it
     * takes about as long as generating it (seconds per gigabyte). Not cached here.
     */
    public String md5() {
        MessageDigest md5 = HexIds.md5();
        byte[] buffer = new byte[BLOCK];
        try (InputStream in = open(0)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException("generated content cannot fail to read", e);
        }
        return HexIds.hex(md5.digest());
    }

    private byte[] block() {
        byte[] current = block;
        if (current == null) {
            current = new byte[BLOCK];
            new SplittableRandom(salt).nextBytes(current);
            block = current;
        }
        return current;
    }

    private static long saltOf(long seed, String mediaId, String assetName) {
        String identity = seed + "\n" + mediaId + "\n" + assetName;
        byte[] digest = HexIds.md5().digest(identity.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    /** The SplitMix64 finalizer: a well-spread 64-bit value per block index. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Equal when the bytes are: same seed, media id, asset name and length. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof GeneratedContent that
                && salt == that.salt && length == that.length;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(salt * 31 + length);
    }

    @Override
    public String toString() {
        return "GeneratedContent[" + etag() + "]";
    }

    /** A reader positioned anywhere in the content. */
    private final class Stream extends InputStream {

        private final byte[] base;

        private final byte[] one = new byte[1];

        private long position;

        Stream(byte[] base, long position) {
            this.base = base;
            this.position = position;
        }

        @Override
        public int read() {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            Objects.checkFromIndexSize(offset, count, buffer.length);
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }

            int done = 0;
            while (done < count && position < length) {
                done += readInBlock(buffer, offset + done, count - done);
            }
            return done;
        }

        private int readInBlock(byte[] buffer, int offset, int count) {
            long blockIndex = position >>> 16;
            int inBlock = (int) (position & MASK);
            int n = (int) Math.min(Math.min(count, BLOCK - inBlock), length - position);
            long blockMix = mix(salt ^ blockIndex);
            int start = (inBlock + (int) (blockMix >>> 48)) & MASK;

            int first = Math.min(n, BLOCK - start);
            System.arraycopy(base, start, buffer, offset, first);
            System.arraycopy(base, 0, buffer, offset + first, n - first);

            for (int i = inBlock; i < 8 && i < inBlock + n; i++) {
                buffer[offset + i - inBlock] ^= (byte) (blockMix >>> (8 * i));
            }
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, length - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, length - position);
        }
    }
}
