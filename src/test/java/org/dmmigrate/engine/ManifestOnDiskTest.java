package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest kept on disk: journals larger than one sort chunk, folds and lookups. */
class ManifestOnDiskTest {

    private static final Instant AT = Instant.parse("2026-12-04T17:00:00Z");

    /** More entries than two sort chunks, so a fold sorts several runs and merges them. */
    private static final int MANY = ManifestMerge.CHUNK * 2 + 345;

    @TempDir
    Path dst;

    @Test
    void journalLargerThanAChunkIsMergedSortedWithLaterEntriesWinning() throws IOException {
        List<Integer> order = shuffled(MANY);
        try (Manifest manifest = Manifest.open(dst)) {
            for (int i : order) {
                manifest.record(entry(i, "old"));
            }
            // Rewritten after a chunk boundary: the later row must win in the merge.
            manifest.record(entry(order.get(0), "new"));
            manifest.record(entry(order.get(MANY - 1), "new"));
        }

        try (Manifest folded = Manifest.openAndFold(dst)) {

            assertThat(dst.resolve(Manifest.JOURNAL)).doesNotExist();
            assertThat(folded.size()).isEqualTo(MANY);
            assertThat(folded.entry(path(order.get(0)))).get()
                    .extracting(Manifest.Entry::assetName).isEqualTo("new");
            assertThat(folded.entry(path(order.get(MANY - 1)))).get()
                    .extracting(Manifest.Entry::assetName).isEqualTo("new");
            assertThat(folded.entry(path(order.get(MANY / 2)))).get()
                    .extracting(Manifest.Entry::assetName).isEqualTo("old");
        }
        List<String> rows = Files.readAllLines(dst.resolve(Manifest.FILE_NAME));
        assertThat(rows).hasSize(MANY + 1);
        List<String> paths = rows.subList(1, rows.size()).stream()
                .map(row -> row.substring(0, row.indexOf('\t'))).toList();
        assertThat(paths).isSorted().doesNotHaveDuplicates();
        assertThat(Files.readAllLines(dst.resolve(Manifest.SHA256SUMS))).hasSize(MANY);
        try (var leftovers = Files.list(dst)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(ManifestMerge.RUN_PREFIX));
        }
    }

    @Test
    void everyEntryIsFoundAfterASaveAndAbsentPathsAreNot() throws IOException {
        try (Manifest manifest = Manifest.open(dst)) {
            for (int i : shuffled(3_000)) {
                manifest.record(entry(i * 2, "even"));
            }
            manifest.save();

            for (int i = 0; i < 3_000; i++) {
                assertThat(manifest.entry(path(i * 2))).as(path(i * 2)).isPresent();
                assertThat(manifest.entry(path(i * 2 + 1))).as(path(i * 2 + 1)).isEmpty();
            }
            assertThat(manifest.entry("")).isEmpty();
            assertThat(manifest.entry("zzz/after/every/path.mp4")).isEmpty();
        }
    }

    @Test
    void entriesRecordedSinceTheLastSaveAreInTheJournalOnlyUntilTheNextSave()
            throws IOException {
        try (Manifest manifest = Manifest.open(dst)) {
            manifest.record(entry(1, "first"));

            assertThat(manifest.entry(path(1))).isEmpty();

            manifest.save();

            assertThat(manifest.entry(path(1))).isPresent();
        }
    }

    @Test
    void readOnlyOpenSeesTheJournalAndWritesNothing() throws IOException {
        try (Manifest manifest = Manifest.open(dst)) {
            manifest.record(entry(1, "saved"));
            manifest.save();
            manifest.record(entry(1, "journal"));
            manifest.record(entry(2, "journal"));
        }
        byte[] table = Files.readAllBytes(dst.resolve(Manifest.FILE_NAME));

        try (Manifest reader = Manifest.open(dst)) {

            assertThat(reader.entry(path(1))).get().extracting(Manifest.Entry::assetName)
                    .isEqualTo("journal");
            assertThat(reader.size()).isEqualTo(2);
            assertThat(reader.entries()).extracting(Manifest.Entry::path)
                    .containsExactly(path(1), path(2));
        }
        assertThat(Files.readAllBytes(dst.resolve(Manifest.FILE_NAME))).isEqualTo(table);
        assertThat(dst.resolve(Manifest.JOURNAL)).exists();
    }

    @Test
    void unsortedTableIsStillReadWholeAndSortedByTheNextFold() throws IOException {
        StringBuilder table = new StringBuilder(ManifestLines.HEADER).append('\n');
        for (int i : List.of(5, 1, 4, 1, 3)) {
            table.append(ManifestLines.row(entry(i, "hand-edited"))).append('\n');
        }
        Files.writeString(dst.resolve(Manifest.FILE_NAME), table, StandardCharsets.UTF_8);

        try (Manifest reader = Manifest.open(dst)) {
            assertThat(reader.entry(path(4))).isPresent();
            assertThat(reader.size()).isEqualTo(4);
        }
        try (Manifest folded = Manifest.openAndFold(dst)) {

            assertThat(folded.entries()).extracting(Manifest.Entry::path)
                    .containsExactly(path(1), path(3), path(4), path(5));
            assertThat(folded.entry(path(3))).isPresent();
        }
    }

    @Test
    void forEachReadsTheTableInPathOrderWithTheJournalOnTop() throws IOException {
        try (Manifest manifest = Manifest.open(dst)) {
            for (int i = 0; i < 200; i++) {
                manifest.record(entry(i, "saved"));
            }
            manifest.save();
            manifest.record(entry(50, "newer"));
            manifest.record(entry(500, "newer"));
        }
        AtomicLong count = new AtomicLong();
        AtomicReference<String> previous = new AtomicReference<>("");
        List<String> newer = new ArrayList<>();

        try (Manifest reader = Manifest.open(dst)) {
            reader.forEach(entry -> {
                assertThat(entry.path()).isGreaterThan(previous.get());
                previous.set(entry.path());
                count.incrementAndGet();
                if (entry.assetName().equals("newer")) {
                    newer.add(entry.path());
                }
            });
        }

        assertThat(count).hasValue(201);
        assertThat(newer).containsExactly(path(50), path(500));
    }

    @Test
    void saveWithNothingNewRewritesNothingButRestoresAMissingChecksumList()
            throws IOException {
        try (Manifest manifest = Manifest.open(dst)) {
            manifest.record(entry(1, "saved"));
            manifest.save();
            Object table = fileKey(Manifest.FILE_NAME);

            manifest.save();

            assertThat(fileKey(Manifest.FILE_NAME)).isEqualTo(table);
            Files.delete(dst.resolve(Manifest.MD5SUMS));
            manifest.save();
            assertThat(dst.resolve(Manifest.MD5SUMS)).exists();
            assertThat(fileKey(Manifest.FILE_NAME)).isNotEqualTo(table);
        }
    }

    @Test
    void tableSavedWithCrlfLineEndingsIsStillRead() throws IOException {
        try (Manifest manifest = Manifest.open(dst)) {
            for (int i = 0; i < 100; i++) {
                manifest.record(entry(i, "saved"));
            }
            manifest.save();
        }
        Path table = dst.resolve(Manifest.FILE_NAME);
        Files.writeString(table, Files.readString(table).replace("\n", "\r\n"));

        try (Manifest reader = Manifest.open(dst)) {

            assertThat(reader.size()).isEqualTo(100);
            assertThat(reader.entry(path(42))).isPresent();
        }
    }

    @Test
    void damagedRowHidesNoOtherEntryAndIsKeptAsideWhenTheTableIsRewritten()
            throws IOException {
        try (Manifest manifest = Manifest.open(dst)) {
            for (int i = 0; i < 300; i++) {
                manifest.record(entry(i, "saved"));
            }
            manifest.save();
        }
        Path table = dst.resolve(Manifest.FILE_NAME);
        List<String> rows = new ArrayList<>(Files.readAllLines(table));
        rows.add(100, "user/Title 0/zzz-damaged\t1\tNOT-A-DIGEST\tx\tu\tm\ta\tb");
        rows.add(200, "a".repeat(300_000));
        Files.write(table, rows);

        try (Manifest reader = Manifest.open(dst)) {
            for (int i = 0; i < 300; i++) {
                assertThat(reader.entry(path(i))).as(path(i)).isPresent();
            }
        }
        try (Manifest folded = Manifest.openAndFold(dst)) {

            assertThat(folded.size()).isEqualTo(300);
        }
        assertThat(dst.resolve(Manifest.DAMAGED)).exists();
        assertThat(Files.readAllLines(dst.resolve(Manifest.DAMAGED))).hasSize(303);
        assertThat(Files.readAllLines(table)).hasSize(301);
    }

    @Test
    void entryThatWouldLeaveTheBackupIsNoEntry() {
        for (String path : List.of("../secret.txt", "u/../../x", "u//x", "./x", "u/x/")) {
            String hex = "0".repeat(32);
            assertThatThrownBy(() -> new Manifest.Entry(path, 1, hex, hex + hex, "u", "m",
                    "source", AT)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void manifestThatIsNotARegularFileIsRefusedNamingIt() throws IOException {
        Files.createDirectories(dst.resolve(Manifest.FILE_NAME));

        assertThatThrownBy(() -> Manifest.open(dst)).isInstanceOf(IOException.class)
                .hasMessageContaining(Manifest.FILE_NAME).hasMessageContaining("move it aside");
    }

    private Object fileKey(String name) throws IOException {
        return Files.readAttributes(dst.resolve(name), BasicFileAttributes.class).fileKey();
    }

    private static List<Integer> shuffled(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        Collections.shuffle(numbers, new Random(42));
        return numbers;
    }

    private static String path(int i) {
        return String.format("user/Title %d/m%08d/source.mp4", i % 7, i);
    }

    private static Manifest.Entry entry(int i, String assetName) {
        String hex = String.format("%032x", i);
        return new Manifest.Entry(path(i), i, hex, hex + hex, "user", "m" + i, assetName, AT);
    }
}
