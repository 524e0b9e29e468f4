package org.dmmigrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dmmigrate.emulator.AssetKey;
import org.dmmigrate.emulator.Content;
import org.dmmigrate.emulator.EmulatedAsset;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.engine.AssetFiles;
import org.dmmigrate.engine.AssetKind;
import org.dmmigrate.engine.BackupLayout;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.jspecify.annotations.Nullable;

/**
 * The true bytes of every asset of an emulator's catalog, by the path the backup keeps it at:
 * the catalog's original content, or that content followed by the emulator's revision marker
 * (a "content changed" fault), any revision. {@link #problem(Path)} says whether a file under
 * a final name holds one of them. Thread-safe (immutable after construction).
 */
final class TrueBytes {

    private static final Pattern REVISION = Pattern.compile("\nrevision [1-9][0-9]*\n");

    private static final int MAX_MARKER = 32;

    /** One asset's original bytes. */
    private record Original(Content content, String md5, String label, AssetKey key) {
    }

    private final Map<Path, Original> originals = new LinkedHashMap<>();

    private TrueBytes() {
    }

    /** The true bytes of every file asset of the emulator's catalog, laid out under root. */
    static TrueBytes of(Emulator emulator, Path root) {
        TrueBytes truth = new TrueBytes();
        BackupLayout layout = new BackupLayout(root);
        for (EmulatedUser user : emulator.catalog().users()) {
            for (EmulatedMedia media : emulator.catalog().media(user.id())) {
                truth.add(layout, user, media);
            }
        }
        return truth;
    }

    /** The paths of every asset file. */
    Set<Path> paths() {
        return originals.keySet();
    }

    /** The emulator's key of the asset kept at this path. */
    AssetKey key(Path path) {
        return originals.get(path).key();
    }

    /** The original size of the asset kept at this path. */
    long size(Path path) {
        return originals.get(path).content().length();
    }

    /** The sum of the original sizes. */
    long totalBytes() {
        return originals.values().stream().mapToLong(o -> o.content().length()).sum();
    }

    /** Whether the path is one of an asset (not a listing, not a partial file). */
    boolean isAsset(Path path) {
        return originals.containsKey(path.toAbsolutePath().normalize());
    }

    /**
     * What is wrong with the file at an asset's path, or null when it holds the asset's true
     * bytes (original or revised).
     */
    @Nullable String problem(Path path) throws IOException {
        Original original = originals.get(path.toAbsolutePath().normalize());
        if (original == null) {
            return null;
        }
        byte[] tail;
        String md5;
        try (InputStream in = Files.newInputStream(path)) {
            md5 = ExpectedTree.md5(new Prefix(in, original.content().length()));
            tail = in.readNBytes(MAX_MARKER + 1);
        }
        if (!md5.equals(original.md5())) {
            return "wrong bytes for " + original.label() + " at " + path;
        }
        if (tail.length > 0
                && !REVISION.matcher(new String(tail, StandardCharsets.ISO_8859_1)).matches()) {
            return "unexpected tail of " + tail.length + " bytes for " + original.label()
                    + " at " + path + ": " + Arrays.toString(Arrays.copyOf(tail, 8));
        }
        return null;
    }

    private void add(BackupLayout layout, EmulatedUser user, EmulatedMedia media) {
        Object title = media.meta().get("title");
        for (EmulatedAsset emulated : media.assets().values()) {
            Asset asset = new Asset(emulated.name(), new LinkedHashMap<>(emulated.properties()));
            Content content = emulated.content();
            if (AssetFiles.kind(asset) != AssetKind.FILE || content == null) {
                continue;
            }
            Path path = layout.assetFile(new User(user.id(), user.username()),
                    new Media(media.id(), title instanceof String text ? text : null),
                    asset.name(), AssetFiles.extension(asset)).toAbsolutePath().normalize();
            String md5;
            try (InputStream in = content.open(0)) {
                md5 = ExpectedTree.md5(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            originals.put(path, new Original(content, md5,
                    user.username() + "/" + media.id() + "/" + asset.name(),
                    new AssetKey(media.id(), asset.name())));
        }
    }

    /** The first {@code limit} bytes of a stream, leaving the rest unread. */
    private static final class Prefix extends InputStream {
        private final InputStream in;
        private long left;

        Prefix(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
