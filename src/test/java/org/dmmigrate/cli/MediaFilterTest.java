package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilterTest {

    @TempDir
    Path dir;

    @Test
    void inlineListRestrictsToItsIds() {
        assertThat(MediaFilter.parse("[\"a1\", \"b2\"]")).containsExactly("a1", "b2");
    }

    @Test
    void aFileNamedByTheVariableIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("ids.json"), "[\"531594c29473991c7f21e181\"]");

        assertThat(MediaFilter.parse(file.toString())).containsExactly("531594c29473991c7f21e181");
    }

    @Test
    void unsetOrEmptyListMeansAllMedia() {
        assertThat(MediaFilter.parse(null)).isNull();
        assertThat(MediaFilter.parse("[]")).isNull();
    }

    @Test
    void somethingElseIsAUsageErrorNamingTheVariable() {
        assertThatThrownBy(() -> MediaFilter.parse("[1, 2]"))
                .isInstanceOf(UsageException.class).hasMessageContaining("DMCLOUD_MEDIA_PATH");
        assertThatThrownBy(() -> MediaFilter.parse(dir.resolve("missing.json").toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("cannot be read");
    }
}
