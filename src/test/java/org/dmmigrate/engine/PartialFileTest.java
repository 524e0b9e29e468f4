package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFileTest {

    @TempDir
    Path dir;

    @Test
    void largeFileResumesFromItsPartialBytesUnderTheSameSize() throws Exception {
        PartialFile partial = new PartialFile(dir.resolve("source.mp4"));
        partial.begin("\"etag-1\"", 1_000_000);
        Files.write(partial.path(), new byte[300_000]);

        assertThat(partial.resumable(1_000_000)).contains(new PartialFile.Resume(300_000,
                "\"etag-1\""));
        assertThat(partial.resumable(999_999)).isEmpty();
    }

    @Test
    void smallFileKeepsNoStateAndIsFetchedAgain() throws Exception {
        PartialFile partial = new PartialFile(dir.resolve("thumb.jpg"));
        partial.begin("\"etag-1\"", 5_000);
        Files.write(partial.path(), new byte[2_000]);

        assertThat(partial.resumable(5_000)).isEmpty();
        assertThat(dir.resolve("thumb.jpg" + PartialFile.STATE_SUFFIX)).doesNotExist();
    }

    @Test
    void unreadableStateMeansStartOver() throws Exception {
        PartialFile partial = new PartialFile(dir.resolve("source.mp4"));
        Files.write(partial.path(), new byte[300_000]);
        Files.writeString(dir.resolve("source.mp4" + PartialFile.STATE_SUFFIX), "{\"etag\": ");

        assertThat(partial.resumable(1_000_000)).isEmpty();
    }
}
