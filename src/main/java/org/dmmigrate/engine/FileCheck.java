package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dmmigrate.model.Asset;
import org.jspecify.annotations.Nullable;

/**
 * Checks one expected asset file: present, size as listed, MD5 as the service's
 * {@code checksum}, and size, MD5 and SHA-256 as the manifest's entry when there is one.
 * Stateless and thread-safe: verifications run many at once.
 */
final class FileCheck {

    /** How one file fared; {@code digest} is null when the bytes were not read. */
    record Result(BackupScan.PlannedFile file, Status status, long size,
            @Nullable FileDigest digest, String detail) {
    }

    /** The verdicts. */
    enum Status { VERIFIED, MISSING, CORRUPT }

    private final Verifier.Depth depth;

    FileCheck(Verifier.Depth depth) {
        this.depth = depth;
    }

    Result check(BackupScan.PlannedFile planned, Optional<Manifest.Entry> entry) {
        long size;
        try {
            size = Files.size(planned.file());
        } catch (NoSuchFileException e) {
            return new Result(planned, Status.MISSING, 0, null, "no file");
        } catch (IOException e) {
            return new Result(planned, Status.MISSING, 0, null, "cannot read: " + e);
        }
        if (!Files.isRegularFile(planned.file())) {
            return new Result(planned, Status.MISSING, 0, null, "not a regular file");
        }

        List<String> differences = new ArrayList<>();
        Asset asset = planned.asset();
        OptionalLong listed = asset.fileSize();
        if (listed.isPresent() && listed.getAsLong() != size) {
            differences.add("size " + size + ", listing says " + listed.getAsLong());
        }
        if (entry.isPresent() && entry.get().size() != size) {
            differences.add("size " + size + ", manifest says " + entry.get().size());
        }
        if (!differences.isEmpty()) {
            return new Result(planned, Status.CORRUPT, size, null, String.join("; ", differences));
        }
        if (depth == Verifier.Depth.SIZE && entry.isPresent()) {
            return new Result(planned, Status.VERIFIED, size, null, "size as recorded");
        }

        FileDigest digest;
        try {
            digest = Digests.of(planned.file(), depth == Verifier.Depth.FULL || entry.isEmpty());
        } catch (IOException e) {
            return new Result(planned, Status.CORRUPT, size, null, "cannot read: " + e);
        }
        String checksum = asset.checksum();
        if (checksum != null && !checksum.equalsIgnoreCase(digest.md5())) {
            differences.add("MD5 " + digest.md5() + ", listing's checksum " + checksum);
        }
        if (entry.isPresent() && !entry.get().md5().equals(digest.md5())) {
            differences.add("MD5 " + digest.md5() + ", manifest says " + entry.get().md5());
        }
        if (entry.isPresent() && digest.sha256() != null
                && !entry.get().sha256().equals(digest.sha256())) {
            differences.add("SHA-256 " + digest.sha256() + ", manifest says "
                    + entry.get().sha256());
        }
        if (digest.size() != size) {
            differences.add("read " + digest.size() + " bytes of " + size + " (file changing?)");
        }
        if (!differences.isEmpty()) {
            return new Result(planned, Status.CORRUPT, size, digest,
                    String.join("; ", differences));
        }
        return new Result(planned, Status.VERIFIED, size, digest, "verified");
    }
}
