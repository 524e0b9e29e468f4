package org.dmmigrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dmmigrate.emulator.EmulatedAsset;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.engine.AssetFiles;
import org.dmmigrate.engine.AssetKind;
import org.dmmigrate.engine.BackupLayout;
import org.dmmigrate.engine.BackupLock;
import org.dmmigrate.engine.Verifier;
import org.dmmigrate.model.Asset;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.jspecify.annotations.Nullable;

/**
 * What a complete backup of an emulator's organisation must hold, computed from the emulator
 * itself (not from the tool): every file asset at its layout path with the MD5 of the bytes
 * the emulator serves now. {@link #problems(Path)} compares a tree on disk with it.
 */
final class ExpectedTree {

    /** One file the backup must hold. */
    record ExpectedFile(Path path, String md5, long size, String label) {
    }

    private final Map<Path, ExpectedFile> files = new LinkedHashMap<>();

    private ExpectedTree() {
    }

    /** The expected files for all users, or only the one named. */
    static ExpectedTree of(Emulator emulator, Path root, @Nullable String username) {
        ExpectedTree tree = new ExpectedTree();
        BackupLayout layout = new BackupLayout(root);
        for (EmulatedUser user : emulator.catalog().users()) {
            if (username != null && !user.username().equals(username)) {
                continue;
            }
            for (EmulatedMedia listed : emulator.catalog().media(user.id())) {
                Optional<EmulatedMedia> now = emulator.media(listed.id());
                now.ifPresent(media -> tree.add(layout, user, media));
            }
        }
        return tree;
    }

    List<ExpectedFile> files() {
        return List.copyOf(files.values());
    }

    /**
     * Everything wrong with the tree: a missing or different file, a partial file left, a
     * file outside DST or that nobody expects. Empty for a complete, verified backup.
     */
    List<String> problems(Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ExpectedFile file : files.values()) {
            if (!Files.isRegularFile(file.path())) {
                problems.add("missing " + file.label() + " at " + file.path());
            } else if (!md5(file.path()).equals(file.md5())) {
                problems.add("wrong bytes for " + file.label() + " at " + file.path());
            }
        }
        problems.addAll(unexpected(root));
        return problems;
    }

    /** Files that are not expected assets or listings, or are not really inside DST. */
    List<String> unexpected(Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        Path real = root.toRealPath();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                if (!path.toRealPath().startsWith(real)) {
                    problems.add("outside the backup folder: " + path);
                }
                if (!Files.isRegularFile(path)) {
                    continue;
                }
                String name = path.getFileName().toString();
                boolean listing = name.equals(BackupLayout.MEDIA_JSON)
                        || name.equals(BackupLayout.ASSETS_JSON)
                        || path.equals(root.resolve(BackupLock.FILE_NAME))
                        || path.getParent().equals(root)
                        && Verifier.OWN_FILES.contains(name);
                if (!listing && !files.containsKey(path.toAbsolutePath().normalize())) {
                    problems.add("unexpected file " + path);
                }
            }
        }
        return problems;
    }

    /** Partial files ({@code .part}, {@code .part-state}) anywhere under DST. */
    static List<Path> partials(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().contains(
                    BackupLayout.PART_SUFFIX)).toList();
        }
    }

    static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return md5(in);
        }
    }

    static String md5(InputStream in) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            md5.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private void add(BackupLayout layout, EmulatedUser user, EmulatedMedia media) {
        Object title = media.meta().get("title");
        for (EmulatedAsset emulated : media.assets().values()) {
            Asset asset = new Asset(emulated.name(), new LinkedHashMap<>(emulated.properties()));
            if (AssetFiles.kind(asset) != AssetKind.FILE || emulated.content() == null) {
                continue;
            }
            Path path = layout.assetFile(new User(user.id(), user.username()),
                    new Media(media.id(), title instanceof String text ? text : null),
                    asset.name(), AssetFiles.extension(asset));
            String md5;
            try (InputStream in = emulated.content().open(0)) {
                md5 = md5(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(path, new ExpectedFile(path, md5, emulated.content().length(),
                    user.username() + "/" + media.id() + "/" + asset.name()));
        }
    }
}
