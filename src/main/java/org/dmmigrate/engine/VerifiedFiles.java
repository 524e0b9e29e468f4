package org.dmmigrate.engine;

/**
 * Hears of each file that reached its final name verified, with its digests: the manifest
 * keeps them. Called from many transfer threads at once, after the rename.
 */
@FunctionalInterface
public interface VerifiedFiles {

    /** Ignores every file. */
    VerifiedFiles NONE = (job, digest) -> { };

    /** {@code job}'s file is in place and verified; {@code digest} is of its bytes. */
    void verified(AssetJob job, FileDigest digest);
}
