package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    @ParameterizedTest
    @CsvSource({"531594c29473991c7f21e181, 3, 3", "531594c29473991c7f21e181, 7, 3",
        "1264cde462416235548e5f69, 3, 1", "1264cde462416235548e5f69, 7, 4", "x, 3, 1",
        "x, 7, 2", "東京, 3, 1", "東京, 7, 6"})
    void knownIdsFallInTheirShard(String mediaId, int count, int expected) throws Exception {
        int independent = viaBigInteger(mediaId, count);

        int shard = Shard.of(mediaId, count);

        assertThat(independent).isEqualTo(expected);
        assertThat(shard).isEqualTo(expected);
        assertThat(new Shard(expected, count).contains(mediaId)).isTrue();
    }

    @Test
    void everyIdIsInExactlyOneShardAndTheSplitIsRoughlyEven() {
        int count = 3;
        int ids = 10_000;
        int[] sizes = new int[count];

        for (int i = 0; i < ids; i++) {
            String id = UUID.nameUUIDFromBytes(("media-" + i).getBytes(StandardCharsets.UTF_8))
                    .toString().replace("-", "").substring(0, 24);
            int owners = 0;
            for (int k = 1; k <= count; k++) {
                if (new Shard(k, count).contains(id)) {
                    owners++;
                    sizes[k - 1]++;
                }
            }
            assertThat(owners).as(id).isEqualTo(1);
        }

        assertThat(Arrays.stream(sizes).sum()).isEqualTo(ids);
        // An even split is 3,333 each; a fair hash stays well within 5% of it.
        for (int size : sizes) {
            assertThat(size).isBetween(3_166, 3_500);
        }
    }

    @Test
    void theWholeShardHoldsEveryMedia() {
        assertThat(Shard.ALL.contains("anything")).isTrue();
        assertThat(Shard.ALL.isAll()).isTrue();
        assertThat(Shard.parse("1/1")).isEqualTo(Shard.ALL);
    }

    @Test
    void parseReadsIndexAndCountAndPrintsThemBack() {
        Shard shard = Shard.parse("2/3");

        assertThat(shard.index()).isEqualTo(2);
        assertThat(shard.count()).isEqualTo(3);
        assertThat(shard).hasToString("2/3");
        assertThat(shard.folderName()).isEqualTo("2-of-3");
        assertThat(shard.isAll()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "a/b", "3", "1/0", "-1/3", "1/3/5", "", " /3",
        "9999999999/3"})
    void malformedShardsAreRefusedNamingTheForm(String text) {
        assertThatThrownBy(() -> Shard.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Shard.FORM);
    }

    /** The rule computed another way: the signed 64-bit prefix as a BigInteger. */
    private static int viaBigInteger(String mediaId, int count) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(mediaId.getBytes(StandardCharsets.UTF_8));
        BigInteger prefix = new BigInteger(Arrays.copyOf(digest, 8));
        return prefix.mod(BigInteger.valueOf(count)).intValue() + 1;
    }
}
