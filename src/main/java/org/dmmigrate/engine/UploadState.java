package org.dmmigrate.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart uploads a migration has begun and not completed, kept in SOURCE as
 * {@code .dmmigrate-uploads.json} so that a run killed at any moment resumes them: per key,
 * the upload id, what file it is for, its part size and the MD5 of every part sent.
 * Rewritten atomically after every change. Thread-safe.
 */
public final class UploadState {

    public static final String FILE_NAME = ".dmmigrate-uploads.json";

    private static final Logger LOG = LoggerFactory.getLogger(UploadState.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One upload in progress.
     *
     * @param uploadId the store's id of the upload
     * @param size the size of the file being sent
     * @param md5 the file's MD5
     * @param partSize the size of every part but the last
     * @param parts the MD5 of each part the store acknowledged, by part number
     */
    public record Upload(String uploadId, long size, String md5, long partSize,
            Map<Integer, String> parts) {

        public Upload {
            parts = Map.copyOf(parts);
        }

        /** Whether this upload is for the same bytes, cut the same way. */
        boolean sameFile(long otherSize, String otherMd5, long otherPartSize) {
            return size == otherSize && md5.equals(otherMd5) && partSize == otherPartSize;
        }
    }

    private final Path file;
    private final Map<String, Upload> uploads;
    private final boolean readOnly;

    private UploadState(Path file, Map<String, Upload> uploads, boolean readOnly) {
        this.file = file;
        this.uploads = uploads;
        this.readOnly = readOnly;
    }

    /** Loads the state of a backup; an unreadable file is set aside and counts as empty. */
    public static UploadState load(Path root, boolean readOnly) throws IOException {
        Path file = root.resolve(FILE_NAME);
        Map<String, Upload> uploads = new TreeMap<>();
        try {
            uploads.putAll(MAPPER.readValue(Files.readAllBytes(file),
                    new TypeReference<Map<String, Upload>>() { }));
        } catch (NoSuchFileException e) {
            // No upload in progress.
        } catch (IOException e) {
            LOG.warn("ignoring unreadable upload state path={} reason={}", file, e.toString());
        }
        return new UploadState(file, uploads, readOnly);
    }

    public synchronized Optional<Upload> upload(String key) {
        return Optional.ofNullable(uploads.get(key));
    }

    /** Every upload in progress, by key. */
    public synchronized Map<String, Upload> uploads() {
        return Map.copyOf(uploads);
    }

    /** Records a new upload, with no part yet. */
    public synchronized void begin(String key, Upload upload) throws IOException {
        uploads.put(key, upload);
        save();
    }

    /** Records a part the store acknowledged. */
    public synchronized void part(String key, int number, String md5) throws IOException {
        Upload upload = uploads.get(key);
        if (upload == null) {
            return;
        }
        Map<Integer, String> parts = new TreeMap<>(upload.parts());
        parts.put(number, md5);
        uploads.put(key, new Upload(upload.uploadId(), upload.size(), upload.md5(),
                upload.partSize(), parts));
        save();
    }

    /** Forgets an upload: completed or aborted. */
    public synchronized void end(String key) throws IOException {
        if (uploads.remove(key) != null) {
            save();
        }
    }

    private void save() throws IOException {
        if (readOnly) {
            return;
        }
        if (uploads.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new TreeMap<>(uploads)));
    }
}
