package org.dmmigrate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code DMCLOUD_MEDIA_PATH}: the media ids to restrict a run to, as a JSON list given
 * inline or in the file it names (the original tool's form). An empty list means all.
 */
final class MediaFilter {

    static final String VARIABLE = "DMCLOUD_MEDIA_PATH";

    private MediaFilter() {
    }

    /** The ids to keep, or null for all media. */
    static @Nullable Set<String> parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (!text.startsWith("[")) {
            text = readFile(text);
        }
        List<?> ids;
        try {
            ids = new ObjectMapper().readValue(text, List.class);
        } catch (JsonProcessingException e) {
            // The parser's own location text names no source and only confuses.
            String why = e.getOriginalMessage();
            int location = why.indexOf(" (start marker");
            throw new UsageException(VARIABLE + " must be a JSON list of media ids, or the path "
                    + "of a file holding one: " + (location > 0 ? why.substring(0, location)
                    : why));
        }
        Set<String> kept = new LinkedHashSet<>();
        for (Object id : ids) {
            if (!(id instanceof String text2)) {
                throw new UsageException(VARIABLE + " holds " + id + ", which is not a media id "
                        + "string");
            }
            kept.add(text2);
        }
        return kept.isEmpty() ? null : kept;
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | InvalidPathException e) {
            throw new UsageException(VARIABLE + " names " + path + ", which cannot be read ("
                    + e.getMessage() + "); give a JSON list of media ids or a readable file");
        }
    }
}
