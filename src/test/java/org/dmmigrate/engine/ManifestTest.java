package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    private static final Instant AT = Instant.parse("2026-12-04T15:00:00Z");

    @TempDir
    Path dst;

    @Test
    void recordedEntriesSurviveAReopenThroughTheJournal() throws IOException {
        Manifest.Entry entry = entryFor("bob/Test/1264cde462416235548e5f69/source.dat", "abc");
        try (Manifest manifest = Manifest.open(dst)) {
            manifest.record(entry);
        }

        Manifest reopened = Manifest.open(dst);

        assertThat(reopened.entry(entry.path())).contains(entry);
        assertThat(dst.resolve(Manifest.JOURNAL)).exists();
        assertThat(dst.resolve(Manifest.FILE_NAME)).doesNotExist();
    }

    @Test
    void journalTornInsideACharacterIsIgnoredNotFatal() throws IOException {
        Manifest.Entry whole = entryFor("u/t/m/source.mp4", "one");
        try (Manifest manifest = Manifest.open(dst)) {
            manifest.record(whole);
        }
        byte[] torn = {'c', 'a', 'r', 'o', 'l', '/', (byte) 0xe6, '\n', 0, 1, (byte) 0xff};
        Files.write(dst.resolve(Manifest.JOURNAL), torn, StandardOpenOption.APPEND);

        Manifest reopened = Manifest.open(dst);

        assertThat(reopened.entries()).containsExactly(whole);
    }

    @Test
    void tornLastJournalLineIsIgnored() throws IOException {
        Manifest.Entry whole = entryFor("u/t/m/source.mp4", "one");
        try (Manifest manifest = Manifest.open(dst)) {
            manifest.record(whole);
        }
        Files.writeString(dst.resolve(Manifest.JOURNAL), "u/t/m/thumb.jpg\t12\tab",
                StandardOpenOption.APPEND);

        Manifest reopened = Manifest.open(dst);

        assertThat(reopened.entries()).containsExactly(whole);
    }

    @Test
    void saveWritesTheThreeFilesSortedAndDeletesTheJournal() throws IOException {
        Manifest manifest = Manifest.open(dst);
        manifest.record(entryFor("b/x.mp4", "b"));
        manifest.record(entryFor("a/x.mp4", "a"));

        manifest.save();

        List<String> table = Files.readAllLines(dst.resolve(Manifest.FILE_NAME));
        assertThat(table.get(0)).isEqualTo("path\tsize\tmd5\tsha256\tuser\tmedia_id\t"
                + "asset_name\tverified_at");
        assertThat(table.subList(1, 3)).allMatch(line -> line.split("\t").length == 8)
                .extracting(line -> line.split("\t")[0]).containsExactly("a/x.mp4", "b/x.mp4");
        assertThat(Files.readAllLines(dst.resolve(Manifest.SHA256SUMS))).hasSize(2)
                .first().asString().matches("[0-9a-f]{64}  a/x\\.mp4");
        assertThat(Files.readAllLines(dst.resolve(Manifest.MD5SUMS))).hasSize(2);
        assertThat(dst.resolve(Manifest.JOURNAL)).doesNotExist();
        assertThat(Manifest.open(dst).entries()).hasSize(2);
    }

    @Test
    void laterEntryForAPathReplacesTheEarlierOne() throws IOException {
        Manifest manifest = Manifest.open(dst);
        manifest.record(entryFor("u/m/source.mp4", "old"));
        manifest.save();
        Manifest.Entry newer = entryFor("u/m/source.mp4", "new bytes");
        manifest.record(newer);
        manifest.close();

        Manifest reopened = Manifest.open(dst);

        assertThat(reopened.entries()).containsExactly(newer);
    }

    @Test
    void coreutilsCheckTheSumsOfOddNamesOnTheirOwn() throws Exception {
        Manifest manifest = Manifest.open(dst);
        for (String path : List.of("plain/a.mp4", "with space/é 東京 #?.mp4",
                "back\\slash/C:\\Videos\\cut*.mp4", "new\nline/a\tb.mp4")) {
            manifest.record(entryFor(path, "bytes of " + path));
        }

        manifest.save();

        Coreutils sha = Coreutils.run(dst, "sha256sum", "-c", Manifest.SHA256SUMS);
        Coreutils md5 = Coreutils.run(dst, "md5sum", "-c", Manifest.MD5SUMS);
        assertThat(sha.exitCode()).as(sha.output()).isZero();
        assertThat(md5.exitCode()).as(md5.output()).isZero();
        assertThat(sha.output().lines().filter(line -> line.endsWith(": OK"))).hasSize(4);
        assertThat(Manifest.open(dst).entry("new\nline/a\tb.mp4")).isPresent();
    }

    @Test
    void coreutilsNoticeAnAlteredFile() throws Exception {
        Manifest manifest = Manifest.open(dst);
        manifest.record(entryFor("u/m/source.mp4", "original"));
        manifest.save();
        Files.writeString(dst.resolve("u/m/source.mp4"), "Original");

        Coreutils sha = Coreutils.run(dst, "sha256sum", "-c", Manifest.SHA256SUMS);

        assertThat(sha.exitCode()).isNotZero();
        assertThat(sha.output()).contains("u/m/source.mp4: FAILED");
    }

    @Test
    void manyThreadsRecordWithoutLosingAnEntry() throws Exception {
        Manifest manifest = Manifest.open(dst);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Manifest.Entry entry = entry("u/m" + i + "/source.mp4", i);
            futures.add(pool.submit(() -> {
                manifest.record(entry);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        manifest.close();

        Manifest reopened = Manifest.open(dst);

        assertThat(reopened.entries()).hasSize(400);
        assertThat(Files.readAllLines(dst.resolve(Manifest.JOURNAL))).hasSize(400);
    }

    private Manifest.Entry entryFor(String path, String content) throws IOException {
        Path file = dst.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return Manifest.Entry.of(dst, file, Digests.of(file, true), "u", "m", "source", AT);
    }

    private static Manifest.Entry entry(String path, int seed) {
        String hex = String.format("%032x", seed);
        return new Manifest.Entry(path, seed, hex, hex + hex, "u", "m" + seed, "source", AT);
    }
}
