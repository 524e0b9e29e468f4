package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 and SHA-1 in lowercase hex, over strings (UTF-8), bytes or contents. Thread-safe. */
final class Hashes {

    private Hashes() {
    }

    static String md5(String text) {
        return hex("MD5", text.getBytes(StandardCharsets.UTF_8));
    }

    static String md5(byte[] bytes) {
        return hex("MD5", bytes);
    }

    static String sha1(byte[] bytes) {
        return hex("SHA-1", bytes);
    }

    /** The MD5 of a whole content, read once. */
    static String md5(Content content) throws IOException {
        MessageDigest digest = digest("MD5");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = content.open(0)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Compares two digests in constant time. */
    static boolean same(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(String algorithm, byte[] bytes) {
        return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
