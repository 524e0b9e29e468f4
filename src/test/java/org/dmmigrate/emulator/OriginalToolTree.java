package org.dmmigrate.emulator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Public entry to {@link BackupTreeWriter} for the tests of other packages: writes a
 * catalog's backup as the original Python tool left it (files and ASCII-escaped JSON).
 */
public final class OriginalToolTree {

    private OriginalToolTree() {
    }

    /** Writes {@code catalog} into {@code dst} in the original tool's layout and style. */
    public static void write(Catalog catalog, Path dst) throws IOException {
        BackupTreeWriter.write(catalog, dst);
    }
}
