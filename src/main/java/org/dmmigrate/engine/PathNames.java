package org.dmmigrate.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns usernames and media titles into folder names, the way the original tool did.
 *
 * <p>The original replaced {@code ..} then {@code /} by {@code __} and nothing else. Names it
 * could not handle get a deterministic substitute instead of a crash: a missing title
 * becomes {@code _untitled}; control characters (NUL included) become {@code _}; a name
 * longer than {@value #MAX_BYTES} UTF-8 bytes is cut on a character boundary and suffixed
 * with {@code ~} and 8 hex digits of the MD5 of the whole name, so cut names stay distinct.
 * Because every media folder ends with the media id, two media never share a folder.
 */
public final class PathNames {

    /** The longest file name common file systems accept, in bytes. */
    public static final int MAX_BYTES = 255;

    static final String UNTITLED = "_untitled";

    private static final int SUFFIX_BYTES = 9;

    /** What the tools keep at the root of DST, in lower case; no user folder takes these. */
    private static final Set<String> ROOT_NAMES = Set.of("manifest.tsv", "sha256sums",
            "md5sums", "report.json", "report.txt", "catalog");

    /** Room kept in asset file names for the longest suffix of a partial file. */
    private static final int PART_ROOM = 16;

    private PathNames() {
    }

    /** The original tool's {@code valid()}: {@code ..} then {@code /} become {@code __}. */
    public static String original(String name) {
        return name.replace("..", "__").replace("/", "__");
    }

    /**
     * The folder name for a media title; empty means "directly in the user's folder", as
     * the original's {@code os.path.join} did with an empty title.
     */
    public static String forTitle(@Nullable String title) {
        // TODO(#6): Windows reserved names (CON, NUL, COM1, aux.txt) and trailing dots or
        // spaces are kept: fine on Linux and macOS, but such a backup cannot be copied to a
        // Windows file system as it is.
        if (title == null) {
            return UNTITLED;
        }
        String name = withoutControls(original(title));
        if (name.equals(".")) {
            return "";
        }
        return fitted(name, title);
    }

    /**
     * The folder name for a username; never empty, so a user never writes into DST itself,
     * and never one of the files or folders the tools keep at the root of DST (the manifest,
     * the reports, the catalog, the lock and state files), which get a leading {@code _}.
     */
    public static String forUsername(String username, String userId) {
        String name = withoutControls(original(username));
        if (name.isEmpty() || name.equals(".")) {
            return "_user-" + userId;
        }
        if (isRootName(name)) {
            name = "_" + name;
        }
        return fitted(name, username);
    }

    private static boolean isRootName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String bare = lower.endsWith(AtomicFiles.TEMP_SUFFIX)
                ? lower.substring(0, lower.length() - AtomicFiles.TEMP_SUFFIX.length()) : lower;
        return ROOT_NAMES.contains(bare) || lower.startsWith(".dmmigrate");
    }

    /**
     * The folder name for a media id. Ids are 24 hex characters; anything else is made
     * safe the same way as a title, so a hostile listing cannot climb out of the backup. An
     * id that had to be changed, or that is the name of a user's listing (a media of an
     * empty title sits in the user's folder), also gets {@code ~} and 8 hex digits of its
     * MD5, so that two ids never share a folder ({@code a/b} and {@code a__b}).
     */
    public static String forMediaId(String mediaId) {
        String name = withoutControls(original(mediaId));
        if (name.isEmpty() || name.equals(".")) {
            return "_media-" + md5Prefix(mediaId);
        }
        if (!name.equals(mediaId) || name.startsWith(BackupLayout.MEDIA_JSON)) {
            name = name + "~" + md5Prefix(mediaId);
        }
        return fitted(name, mediaId);
    }

    /**
     * The file name of an asset, {@code <asset_name><extension>}, short enough that the
     * partial file beside it ({@code .part} added) still fits.
     */
    public static String forAssetFile(String assetName, String extension) {
        String name = withoutControls(original(assetName + extension));
        if (name.isEmpty() || name.equals(".")) {
            name = "_asset-" + md5Prefix(assetName);
        }
        return fitted(name, assetName + extension, MAX_BYTES - PART_ROOM);
    }

    private static String withoutControls(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append('_');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String fitted(String name, String whole) {
        return fitted(name, whole, MAX_BYTES);
    }

    private static String fitted(String name, String whole, int maxBytes) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint))
                    .getBytes(StandardCharsets.UTF_8).length;
            if (used + size > maxBytes - SUFFIX_BYTES) {
                break;
            }
            out.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return out.append('~').append(md5Prefix(whole)).toString();
    }

    private static String md5Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
