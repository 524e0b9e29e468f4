package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dmmigrate.target.ObjectInfo;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;

/**
 * Confirms that every file the manifest of a backup vouches for is in the target under the
 * prefix, with the same size and MD5 (its {@code source-md5} metadata, or its ETag). Reads
 * only: one HEAD per file. Thread-safe; each call is independent.
 */
public final class MigrationCheck {

    private final Target target;

    public MigrationCheck(Target target) {
        this.target = target;
    }

    /**
     * Checks the backup at {@code source}; the summary counts the matching objects as
     * present and lists the others as failures.
     *
     * @throws TargetException when the target cannot be asked at all
     */
    public MigrationSummary check(Path source, String prefix)
            throws IOException, NotABackupException, TargetException {
        return check(source, prefix, Shard.ALL);
    }

    /**
     * Checks the files of one shard's media in the backup at {@code source}; the others are
     * neither looked up nor reported.
     *
     * @throws TargetException when the target cannot be asked at all
     */
    public MigrationSummary check(Path source, String prefix, Shard shard)
            throws IOException, NotABackupException, TargetException {
        Path root = source.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve(Manifest.FILE_NAME))) {
            throw new NotABackupException(root, "it has no " + Manifest.FILE_NAME
                    + "; run dmverify on it first");
        }
        MigrationSummary summary = new MigrationSummary();
        try (Manifest manifest = Manifest.open(root)) {
            for (Manifest.Entry entry : manifest.entries()) {
                if (!shard.contains(entry.mediaId())) {
                    continue;
                }
                ObjectKey key = ObjectKey.under(prefix, entry.path());
                Optional<ObjectInfo> head;
                try {
                    head = target.head(key);
                } catch (TargetException e) {
                    if (e.kind() == TargetException.Kind.REJECTED
                            || e.kind() == TargetException.Kind.TRANSIENT) {
                        // The store cannot be asked: say so, never "missing".
                        throw e;
                    }
                    summary.failed(entry.path(), e.getMessage());
                    continue;
                }
                if (head.isEmpty()) {
                    summary.failed(entry.path(), "missing from the target as " + key);
                } else if (!ObjectUpload.matches(head.get(), entry.size(), entry.md5())) {
                    summary.failed(entry.path(), "differs in the target: " + head.get().size()
                            + " bytes, MD5 " + head.get().metadata().getOrDefault(
                                    ObjectUpload.SOURCE_MD5, head.get().etag())
                            + "; the backup has " + entry.size() + " bytes, MD5 "
                            + entry.md5());
                } else {
                    summary.present(entry.size());
                }
            }
        }
        return summary;
    }
}
