package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticCatalogTest {

    private static final long SOURCE_BYTES = 300_001;

    private final SyntheticCatalog catalog = SyntheticCatalog.create(3, 5, SOURCE_BYTES, 70_000, 7);

    private EmulatedMedia media(SyntheticCatalog from, int user, int index) {
        return from.media(from.users().get(user).id()).get(index);
    }

    private static Content source(EmulatedMedia media) {
        return media.assets().get("source").content();
    }

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        SyntheticCatalog again = SyntheticCatalog.create(3, 5, SOURCE_BYTES, 70_000, 7);

        byte[] first = SampleCatalogTest.readAll(source(media(catalog, 1, 2)));
        byte[] second = SampleCatalogTest.readAll(source(media(again, 1, 2)));

        assertThat(first).hasSize((int) SOURCE_BYTES).isEqualTo(second);
        assertThat(media(again, 1, 2)).isEqualTo(media(catalog, 1, 2));
    }

    @Test
    void otherSeedsMediaAndAssetsGiveOtherBytes() throws IOException {
        SyntheticCatalog otherSeed = SyntheticCatalog.create(3, 5, SOURCE_BYTES, 70_000, 8);
        EmulatedMedia media = media(catalog, 1, 2);

        byte[] bytes = head(source(media));

        assertThat(bytes).isNotEqualTo(head(source(media(otherSeed, 1, 2))))
                .isNotEqualTo(head(source(media(catalog, 1, 3))))
                .isNotEqualTo(head(source(media(catalog, 2, 2))))
                .isNotEqualTo(head(media.assets().get("mp4_h264_aac").content()));
    }

    @Test
    void blocksOfOneContentDiffer() throws IOException {
        byte[] all = SampleCatalogTest.readAll(source(media(catalog, 0, 0)));
        Set<String> blocks = new HashSet<>();

        for (int start = 0; start + GeneratedContent.BLOCK <= all.length;
                start += GeneratedContent.BLOCK) {
            blocks.add(HexIds.md5Hex(
                    Arrays.copyOfRange(all, start, start + GeneratedContent.BLOCK)));
        }

        assertThat(blocks).hasSize(all.length / GeneratedContent.BLOCK);
    }

    @Test
    void openAtAnOffsetMatchesAFullRead() throws IOException {
        Content content = source(media(catalog, 2, 4));
        byte[] all = SampleCatalogTest.readAll(content);
        long[] offsets = {0, 1, 7, 8, 9, 65_535, 65_536, 65_537, 131_080, 299_999, SOURCE_BYTES};

        for (long offset : offsets) {
            try (InputStream in = content.open(offset)) {
                assertThat(in.readAllBytes()).as("offset %d", offset)
                        .isEqualTo(Arrays.copyOfRange(all, (int) offset, all.length));
            }
        }
    }

    @Test
    void smallReadsAndSkipsMatchAFullRead() throws IOException {
        Content content = source(media(catalog, 0, 1));
        byte[] all = SampleCatalogTest.readAll(content);
        byte[] pieces = new byte[all.length];

        try (InputStream in = content.open(0)) {
            pieces[0] = (byte) in.read();
            int done = 1;
            while (done < 70_000) {
                done += in.read(pieces, done, Math.min(7, 70_000 - done));
            }
            assertThat(in.skip(100_000)).isEqualTo(100_000);
            done += 100_000;
            in.readNBytes(pieces, done, all.length - done);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.skip(5)).isZero();
        }

        assertThat(Arrays.copyOfRange(pieces, 0, 70_000))
                .isEqualTo(Arrays.copyOfRange(all, 0, 70_000));
        assertThat(Arrays.copyOfRange(pieces, 170_000, all.length))
                .isEqualTo(Arrays.copyOfRange(all, 170_000, all.length));
    }

    @Test
    void sourceChecksumIsTheMd5OfItsBytes() throws IOException {
        EmulatedAsset source = media(catalog, 1, 1).assets().get("source");

        byte[] bytes = SampleCatalogTest.readAll(source.content());

        assertThat(source.properties()).containsEntry("checksum", HexIds.md5Hex(bytes))
                .containsEntry("file_size", SOURCE_BYTES)
                .containsEntry("file_extension", "mp4")
                .containsEntry("container", "MPEG-4");
        assertThat(Set.copyOf(source.properties().keySet())).contains("checksum");
        assertThat(media(catalog, 1, 1).assets().get("mp4_h264_aac").properties())
                .doesNotContainKey("checksum").containsEntry("file_size", 70_000L);
    }

    @Test
    void sourcesOverOneGibibyteHaveNoChecksum() {
        SyntheticCatalog big = SyntheticCatalog.create(1, 1, (1L << 30) + 1, 10, 7);

        EmulatedAsset source = media(big, 0, 0).assets().get("source");

        assertThat(source.properties()).doesNotContainKey("checksum")
                .containsEntry("file_size", (1L << 30) + 1);
        assertThat(source.content().length()).isEqualTo((1L << 30) + 1);
    }

    @Test
    void hundredThousandMediaAreListedWithoutBuildingThem() {
        SyntheticCatalog large = SyntheticCatalog.create(2, 100_000, 1_000_000_000L, 10, 3);
        String userId = large.users().get(1).id();

        List<EmulatedMedia> media = large.media(userId);
        EmulatedMedia last = media.get(99_999);

        assertThat(media).hasSize(100_000);
        assertThat(last.ownerId()).isEqualTo(userId);
        assertThat(last.meta()).containsEntry("title", "Synthetic media 200000");
        assertThat(large.mediaById(last.id())).hasValueSatisfying(
                found -> assertThat(found.id()).isEqualTo(last.id()));
        assertThat(last.assets()).containsOnlyKeys("source", "mp4_h264_aac",
                "jpeg_thumbnail_small");
    }

    @Test
    void idsAreUniqueHexAndResolve() {
        Set<String> ids = new HashSet<>();
        ids.add(catalog.admin().id());
        catalog.users().forEach(user -> ids.add(user.id()));
        for (EmulatedUser user : catalog.users()) {
            for (EmulatedMedia one : catalog.media(user.id())) {
                ids.add(one.id());
                assertThat(catalog.mediaById(one.id())).contains(one);
            }
        }

        assertThat(ids).hasSize(1 + 3 + 15).allMatch(HexIds::isId);
        assertThat(catalog.admin().admin()).isTrue();
        assertThat(catalog.users()).noneMatch(EmulatedUser::admin);
    }

    @Test
    void unknownIdsFindNothing() {
        String lastId = media(catalog, 2, 4).id();
        String pastTheEnd = lastId.substring(0, 16) + "00000005";

        assertThat(catalog.mediaById(pastTheEnd)).isEmpty();
        assertThat(catalog.mediaById("0".repeat(24))).isEmpty();
        assertThat(catalog.mediaById("short")).isEmpty();
        assertThat(catalog.media("0".repeat(24))).isEmpty();
        assertThat(catalog.media(catalog.admin().id())).isEmpty();
    }

    private static byte[] head(Content content) throws IOException {
        try (InputStream in = content.open(0)) {
            return in.readNBytes(4096);
        }
    }
}
