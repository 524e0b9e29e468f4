package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dmmigrate.target.PartInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small rules of a migration: part sizes, metadata text, content types, ETags. */
class MigrationValuesTest {

    private static final long MIB = PartSizing.MIB;

    @ParameterizedTest
    @CsvSource({"1, 8", "104857600, 8", "50000000000, 8", "80000000000, 9",
        "5497558138880, 583"})
    void partSizeKeepsEveryFileUnderTheTargetPartCount(long size, long mib) {
        long partSize = PartSizing.partSize(size, PartSizing.MIN_PART);

        assertThat(partSize).isEqualTo(mib * MIB);
        assertThat(PartSizing.parts(size, partSize)).isLessThanOrEqualTo(PartSizing.TARGET_PARTS);
    }

    @Test
    void fiftyGigabyteAssetFitsTheS3PartLimit() {
        long size = 50L * 1024 * 1024 * 1024;

        int parts = PartSizing.parts(size, PartSizing.partSize(size, PartSizing.MIN_PART));

        assertThat(parts).isLessThanOrEqualTo(PartSizing.MAX_PARTS);
    }

    @Test
    void metadataTextIsPrintableAsciiAndComesBack() {
        String title = "Vidéo d'été à Noël — café 100% 東京 🎉\n";

        String encoded = MetadataText.encode(title);

        assertThat(encoded).matches("[ -~]*").startsWith("Vid%C3%A9o d'").contains("100%25");
        assertThat(MetadataText.decode(encoded)).isEqualTo(title);
    }

    @ParameterizedTest
    @CsvSource({"source.mp4, video/mp4", "jpeg_thumbnail_small.jpg, image/jpeg",
        "assets.json, application/json", "MANIFEST.tsv, text/tab-separated-values; "
                + "charset=utf-8", "SHA256SUMS, text/plain; charset=utf-8",
        "source.MOV, video/quicktime", "source.dat, application/octet-stream",
        "README, application/octet-stream"})
    void contentTypeFollowsTheExtension(String name, String type) {
        assertThat(ContentTypes.of(name)).isEqualTo(type);
    }

    @Test
    void multipartEtagIsTheMd5OfThePartMd5s() {
        // Two parts whose MD5s are those of "a" and "b".
        List<PartInfo> parts = List.of(
                new PartInfo(1, 1, "0cc175b9c0f1b6a831c399e269772661"),
                new PartInfo(2, 1, "92eb5ffee6ae2fec3ad71c777531578f"));

        String etag = ObjectUpload.multipartEtag(parts);

        // md5(0cc175...661 92eb5f...78f as bytes), computed apart with Python's hashlib.
        assertThat(etag).isEqualTo("96e024ba2074fe77e8e965ba43a704be-2");
        assertThat(ObjectUpload.multipartEtag(List.of(new PartInfo(1, 1, "not-an-md5"))))
                .isEmpty();
    }
}
