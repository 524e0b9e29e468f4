package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Proves that a run wrote nothing outside its backup folder: a sentinel parent folder (with
 * a sibling folder and a file beside DST) is snapshot before and compared after, and every
 * path under DST must resolve, links followed, to a place inside DST.
 */
final class DstGuard {

    private final Path parent;
    private final Path dst;
    private final Map<String, String> before;

    private DstGuard(Path parent, Path dst) throws IOException {
        this.parent = parent;
        this.dst = dst;
        Files.createDirectories(parent.resolve("sibling/x"));
        Files.writeString(parent.resolve("sentinel.txt"), "do not touch\n");
        Files.writeString(parent.resolve("sibling/x/b"), "nor this\n");
        Files.createDirectories(dst);
        this.before = snapshot();
    }

    /** Arranges {@code parent} with sentinels around {@code parent/dst}. */
    static DstGuard around(Path parent) throws IOException {
        return new DstGuard(parent, parent.resolve("dst"));
    }

    Path dst() {
        return dst;
    }

    /** Fails unless the parent is as before and every path of DST stays inside DST. */
    void assertNothingEscaped() throws IOException {
        assertThat(snapshot()).as("the folders around DST").isEqualTo(before);

        Path realDst = dst.toRealPath();
        try (Stream<Path> all = Files.walk(dst)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                assertThat(Files.isSymbolicLink(path)).as("a link in DST: " + path).isFalse();
                assertThat(path.toRealPath()).as("real path of " + path).startsWith(realDst);
            }
        }
    }

    /** The regular files of DST, by path relative to it. */
    List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dst)) {
            all.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .forEach(path -> files.add(dst.relativize(path)));
        }
        return files;
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> all = Files.walk(parent)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if (path.startsWith(dst) && !path.equals(dst)) {
                    continue;
                }
                String kind = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.size(path) + " " + new String(Files.readAllBytes(path),
                                StandardCharsets.UTF_8).hashCode();
                state.put(parent.relativize(path).toString(), kind);
            }
        }
        return state;
    }
}
