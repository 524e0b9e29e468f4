package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What one dmcatalog run wrote.
 *
 * @param index the catalog's {@code index.html}
 * @param users the user folders found in the backup
 * @param media the media listed, one page each
 * @param bytes the bytes of the files present in the backup
 * @param problems parts of the backup that could not be read, one line each
 */
public record CatalogSummary(Path index, int users, int media, long bytes,
        List<String> problems) {

    public CatalogSummary {
        problems = List.copyOf(problems);
    }
}
