package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dmmigrate.model.Media;
import org.dmmigrate.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupLayoutTest {

    @TempDir
    Path root;

    private final User bob = new User("5000000000000000000000b2", "bob");

    @Test
    void seedReadmeExampleLaysOutAsDocumented() {
        BackupLayout layout = new BackupLayout(root);
        Media holiday = new Media("531594c29473991c7f21e181", "My holiday video (2014)");

        Path file = layout.assetFile(bob, holiday, "source", ".mp4");

        assertThat(root.relativize(file).toString())
                .isEqualTo("bob/My holiday video (2014)/531594c29473991c7f21e181/source.mp4");
        assertThat(root.relativize(layout.mediaJson(bob)).toString()).isEqualTo("bob/media.json");
    }

    @Test
    void emptyTitlePutsTheMediaFolderInTheUserFolder() {
        BackupLayout layout = new BackupLayout(root);

        Path dir = layout.mediaDir(bob, new Media("531594c29473991c7f21e181", ""));

        assertThat(root.relativize(dir).toString()).isEqualTo("bob/531594c29473991c7f21e181");
    }

    @Test
    void titlesNamedLikeTheListingDoNotCollideWithIt() {
        BackupLayout layout = new BackupLayout(root);

        Path dir = layout.mediaDir(bob, new Media("531594c29473991c7f21e181", "media.json"));

        assertThat(dir.getParent().getFileName().toString()).isEqualTo("_media.json");
    }

    @Test
    void hostilePartsStayInsideTheBackup() {
        BackupLayout layout = new BackupLayout(root);
        User evil = new User("5000000000000000000000b9", "../../etc");

        Path file = layout.assetFile(evil, new Media("../x", "../.."), "../passwd", "");

        assertThat(file.normalize().startsWith(root.toAbsolutePath().normalize()))
                .as("%s inside %s", file, root).isTrue();
    }
}
