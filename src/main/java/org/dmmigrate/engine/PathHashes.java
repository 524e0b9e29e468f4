package org.dmmigrate.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A set of paths kept as 64-bit hashes (the first eight bytes of the MD5 of the absolute,
 * normalised path), eight bytes each: for the folders of a verification, of which a large
 * backup has hundreds of thousands. A false match is a chance below one in 10^7 for a
 * million paths; its cost would be one folder not searched for extra files.
 * Not thread-safe.
 */
final class PathHashes {

    private long[] hashes = new long[1024];
    private int size;
    private boolean sorted = true;

    void add(Path path) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = hash(path);
        sorted = false;
    }

    boolean contains(Path path) {
        if (!sorted) {
            Arrays.sort(hashes, 0, size);
            sorted = true;
        }
        return Arrays.binarySearch(hashes, 0, size, hash(path)) >= 0;
    }

    private static long hash(Path path) {
        byte[] text = path.toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("MD5").digest(text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash << 8) | (digest[i] & 0xff);
        }
        return hash;
    }
}
