package org.dmmigrate.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Deterministic identifiers and digests for the catalogs: 24-hex ids, 40-hex keys, MD5 hex.
 *
 * <p>Stateless and thread-safe.
 */
public final class HexIds {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

    private static final HexFormat HEX = HexFormat.of();

    private HexIds() {
    }

    /** A 24 lowercase hex id derived from {@code seed}: the first 24 hex of its MD5. */
    public static String id(String seed) {
        return md5Hex(seed.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    /** A 40 lowercase hex API key derived from {@code seed}: the SHA-1 of it. */
    public static String key(String seed) {
        return HEX.formatHex(digest("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code value} is 24 lowercase hex characters. */
    public static boolean isId(String value) {
        return ID.matcher(value).matches();
    }

    /** The MD5 of {@code bytes} as 32 lowercase hex characters. */
    public static String md5Hex(byte[] bytes) {
        return HEX.formatHex(md5().digest(bytes));
    }

    /** The lowercase hex form of a finished digest. */
    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    /** A fresh MD5 digest. */
    public static MessageDigest md5() {
        return digest("MD5");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("missing JDK digest algorithm=" + algorithm, e);
        }
    }
}
