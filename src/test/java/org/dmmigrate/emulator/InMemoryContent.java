package org.dmmigrate.emulator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test content over a byte array; its ETag is the MD5 of the bytes. */
final class InMemoryContent implements Content {

    private final byte[] bytes;

    InMemoryContent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** Deterministic pseudo-random bytes of the given length. */
    static InMemoryContent pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return new InMemoryContent(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String md5() {
        return md5(bytes);
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public String etag() {
        return md5();
    }

    @Override
    public InputStream open(long offset) {
        int start = (int) Math.min(offset, bytes.length);
        return new ByteArrayInputStream(bytes, start, bytes.length - start);
    }
}
