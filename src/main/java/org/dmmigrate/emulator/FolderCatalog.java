package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a backup folder in the original tool's layout ({@code <dst>/<user>/media.json},
 * {@code <dst>/<user>/<title>/<media_id>/assets.json}, {@code <asset_name><ext>}) as an
 * organisation, so that a backup can be served again.
 *
 * <p>Users are the sub-folders that hold a {@code media.json}, sorted by name; their ids and
 * keys derive from the folder name ({@link #userId}, {@link #userKey}), the admin's from
 * constants. The JSON is read once by {@link #open}; the files are read on every download.
 * An asset whose file is missing is listed with its properties but has no content, so it
 * cannot be downloaded; a media without {@code assets.json} is listed with no assets. A
 * backup keeps no media date, so a media's {@code created} is its earliest asset
 * {@code created} (0 when none has one).
 * The catalog is immutable and thread-safe.
 */
public final class FolderCatalog {

    /** The admin's login name (or {@code admin_} when a user folder is named {@code admin}). */
    public static final String ADMIN_USERNAME = "admin";

    /** The admin's id. */
    public static final String ADMIN_ID = HexIds.id("folder-admin");

    /** The admin's API key (a test value, public on purpose). */
    public static final String ADMIN_KEY = HexIds.key("folder-admin");

    /** The organisation id. */
    public static final String ORGANISATION_ID = HexIds.id("folder-organisation");

    private static final Logger LOG = LoggerFactory.getLogger(FolderCatalog.class);

    private FolderCatalog() {
    }

    /** The id of the user served from folder {@code username}: md5("user:" + name), 24 hex. */
    public static String userId(String username) {
        return HexIds.id("user:" + username);
    }

    /** The API key of the user served from folder {@code username}. */
    public static String userKey(String username) {
        return HexIds.key("key:" + username);
    }

    /**
     * Reads the backup at {@code dst}.
     *
     * @throws UncheckedIOException when a folder or JSON file cannot be read
     * @throws IllegalArgumentException when {@code dst} is not a folder or a JSON file is not
     *     in the expected shape (the message names the file)
     */
    public static Catalog open(Path dst) {
        if (!Files.isDirectory(dst)) {
            throw new IllegalArgumentException("not a backup folder: " + dst
                    + "; give the DST folder that holds one folder per user");
        }

        List<EmulatedUser> users = new ArrayList<>();
        Map<String, List<EmulatedMedia>> media = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Path userDir : userFolders(dst)) {
            String username = userDir.getFileName().toString();
            EmulatedUser user = new EmulatedUser(userId(username), username, userKey(username),
                    false);
            users.add(user);
            names.add(username);
            media.put(user.id(), new BackupFolderReader(userDir, user.id()).media());
        }

        String adminName = names.contains(ADMIN_USERNAME) ? ADMIN_USERNAME + "_" : ADMIN_USERNAME;
        EmulatedUser admin = new EmulatedUser(ADMIN_ID, adminName, ADMIN_KEY, true);
        String name = dst.getFileName() == null ? "backup" : dst.getFileName().toString();
        LOG.info("opened backup folder path={} users={}", dst, users.size());
        return new FixedCatalog(ORGANISATION_ID, name, admin, users, media);
    }

    private static List<Path> userFolders(Path dst) {
        try (Stream<Path> children = Files.list(dst)) {
            return children
                    .filter(child -> Files.isRegularFile(child.resolve("media.json")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list backup folder " + dst, e);
        }
    }
}
