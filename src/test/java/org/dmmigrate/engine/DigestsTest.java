package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {

    @TempDir
    Path dir;

    @Test
    void oneStreamGivesTheKnownMd5AndSha256() {
        Digests digests = Digests.create();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);

        digests.update(abc, 0, 1);
        digests.update(abc, 1, 2);
        FileDigest digest = digests.result();

        assertThat(digest.size()).isEqualTo(3);
        assertThat(digest.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(digest.sha256()).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void fileLargerThanTheBufferMatchesCoreutils() throws Exception {
        byte[] bytes = new byte[Digests.BUFFER_BYTES * 2 + 12345];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("big.bin"), bytes);

        FileDigest digest = Digests.of(file, true);

        assertThat(digest.size()).isEqualTo(bytes.length);
        assertThat(Coreutils.run(dir, "md5sum", "big.bin").output())
                .startsWith(digest.md5() + " ");
        assertThat(Coreutils.run(dir, "sha256sum", "big.bin").output())
                .startsWith(digest.sha256() + " ");
    }

    @Test
    void resumedDigestsContinueWhereThePartialFileEnds() throws IOException {
        byte[] bytes = new byte[3_000_000];
        new Random(3).nextBytes(bytes);
        Path partial = Files.write(dir.resolve("part"), java.util.Arrays.copyOf(bytes, 2_500_000));
        Path whole = Files.write(dir.resolve("whole"), bytes);

        Digests resumed = Digests.resume(partial, 1_000_000);
        resumed.update(bytes, 1_000_000, 2_000_000);

        assertThat(resumed.result()).isEqualTo(Digests.of(whole, true));
    }

    @Test
    void md5OnlyLeavesTheSha256Out() throws IOException {
        Path file = Files.writeString(dir.resolve("a"), "abc");

        FileDigest digest = Digests.of(file, false);

        assertThat(digest.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(digest.sha256()).isNull();
    }
}
