package org.dmmigrate.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One share of an organisation's media when a run is split into {@code count} independent
 * jobs ({@code --shard K/N}): a media belongs to shard {@code floorMod(h, N) + 1}, where
 * {@code h} is the first 8 bytes of the SHA-256 of its UTF-8 id read as a big-endian long.
 * The rule needs no coordination, every media is in exactly one shard, and it never changes.
 *
 * @param index the shard, 1-based, from 1 to {@code count}
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {

    /** The one shard that holds every media: no split. */
    public static final Shard ALL = new Shard(1, 1);

    /** The accepted form, for messages. */
    public static final String FORM = "K/N with whole numbers 1 <= K <= N <= 999999999, "
            + "such as 2/3";

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("no shard " + index + "/" + count
                    + ": give " + FORM);
        }
    }

    /**
     * Reads {@code K/N}.
     *
     * @throws IllegalArgumentException naming the text and {@link #FORM} when it is not one
     */
    public static Shard parse(String text) {
        Matcher matcher = SYNTAX.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: give " + FORM);
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: K must be from 1 "
                    + "to N; give " + FORM);
        }
        return new Shard(index, count);
    }

    /** The shard, from 1 to {@code count}, that the media with this id belongs to. */
    public static int of(String mediaId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(mediaId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        return Math.floorMod(ByteBuffer.wrap(digest, 0, Long.BYTES).getLong(), count) + 1;
    }

    /** Whether the media with this id is this shard's. */
    public boolean contains(String mediaId) {
        return count == 1 || of(mediaId, count) == index;
    }

    /** Whether this is {@link #ALL}, the whole organisation. */
    public boolean isAll() {
        return count == 1;
    }

    /** The folder name of this shard's own files in a shared target: {@code K-of-N}. */
    public String folderName() {
        return index + "-of-" + count;
    }

    /** {@code K/N}, as given on the command line. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
