package org.dmmigrate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the JSON files of a backup ({@code media.json}, {@code assets.json}).
 *
 * <p>Reads any valid JSON, including the original tool's ASCII-escaped output with its
 * trailing spaces. Writes UTF-8, keys sorted at every level, two-space indent, a final
 * newline, atomically. Values are plain trees: maps, lists, strings, longs, doubles,
 * booleans and null. Thread-safe.
 */
public final class BackupJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private BackupJson() {
    }

    /** The file's JSON tree, or empty when there is no such file. */
    public static Optional<@Nullable Object> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(bytes, Object.class));
        } catch (JsonProcessingException e) {
            throw new IOException("cannot read " + file + ": not valid JSON ("
                    + e.getOriginalMessage() + "); move it aside and rerun to fetch it again", e);
        }
    }

    /** The bytes this tool writes for a tree. */
    public static byte[] format(@Nullable Object tree) {
        try {
            return (WRITER.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a tree atomically and durably, unless the file already holds exactly these
     * bytes.
     */
    public static boolean write(Path file, @Nullable Object tree) throws IOException {
        byte[] bytes = format(tree);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        AtomicFiles.write(file, bytes);
        return true;
    }

    /**
     * Writes a tree atomically but without syncing it: for listings the next run fetches
     * again anyway ({@code assets.json}), where a sync per media would cost more than the
     * listing itself. After a power cut the file may be old, empty or missing.
     */
    public static void writeVolatile(Path file, @Nullable Object tree) throws IOException {
        AtomicFiles.writeVolatile(file, format(tree));
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
