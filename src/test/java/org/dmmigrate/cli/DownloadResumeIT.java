package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.dmmigrate.emulator.EmulatedAsset;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns of dmdownload: nothing is transferred when nothing changed, and what changed since
 * (a media added, an asset that became ready) is fetched, and only that.
 */
class DownloadResumeIT {

    private static final String LATER_ID = "5000000000000000000000e1";
    private static final String ADDED_ID = "5000000000000000000000e2";

    @TempDir
    Path dst;

    @Test
    void rerunFetchesOnlyWhatChangedThenNothing() throws Exception {
        ChangingCatalog catalog = new ChangingCatalog(SampleCatalog.create());
        byte[] laterSource = bytes(41_000, 1);
        byte[] laterRendition = bytes(33_000, 2);
        byte[] addedSource = bytes(27_000, 3);
        catalog.add(media(LATER_ID, "Encoding later", Map.of(
                "source", file("source", laterSource),
                "mp4_h264_aac", new EmulatedAsset("mp4_h264_aac",
                        Map.of("status", "processing"), null))));
        try (Emulator emulator = Emulator.builder().catalog(catalog).build().start()) {
            DownloadRunner.Result first = DownloadRunner.run(emulator, dst, "--user", "bob");
            catalog.replace(media(LATER_ID, "Encoding later", Map.of(
                    "source", file("source", laterSource),
                    "mp4_h264_aac", file("mp4_h264_aac", laterRendition))));
            catalog.add(media(ADDED_ID, "Added later",
                    Map.of("source", file("source", addedSource))));
            emulator.recorder().reset();

            DownloadRunner.Result second = DownloadRunner.run(emulator, dst, "--user", "bob");
            long secondBytes = emulator.recorder().bytesServed();
            emulator.recorder().reset();
            DownloadRunner.Result third = DownloadRunner.run(emulator, dst, "--user", "bob");

            assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.INCOMPLETE);
            assertThat(first.out()).contains("bob/" + LATER_ID + "/mp4_h264_aac: status "
                    + "processing");
            assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.OK);
            assertThat(secondBytes).isEqualTo(laterRendition.length + addedSource.length);
            assertThat(emulator.recorder().bytesServed()).isZero();
            assertThat(emulator.recorder().downloads()).isZero();
            assertThat(third.exitCode()).as(third.all()).isEqualTo(ExitCodes.OK);
            assertThat(third.out()).contains("already present   8 files");
            ExpectedTree expected = ExpectedTree.of(emulator, dst, "bob");
            assertThat(expected.files()).hasSize(8);
            assertThat(expected.problems(dst)).isEmpty();
        }
    }

    static EmulatedMedia media(String id, String title, Map<String, EmulatedAsset> assets) {
        return new EmulatedMedia(id, SampleCatalog.BOB_ID, 1_500_000_000L,
                Map.of("title", title), new LinkedHashMap<>(assets));
    }

    static EmulatedAsset file(String name, byte[] bytes) throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", "ready");
        properties.put("container", "MPEG-4");
        properties.put("file_size", (long) bytes.length);
        properties.put("created", 1_500_000_100L);
        if (name.equals("source")) {
            properties.put("file_extension", "mp4");
            properties.put("checksum", md5);
        }
        return new EmulatedAsset(name, properties, new ChangingCatalog.Bytes(bytes, md5));
    }

    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
