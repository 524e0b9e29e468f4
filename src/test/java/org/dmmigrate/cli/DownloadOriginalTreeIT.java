package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.OriginalToolTree;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup written by the original Python tool (its layout, its ASCII-escaped JSON with
 * trailing spaces, its stale links) is continued: nothing it fetched is fetched again.
 */
class DownloadOriginalTreeIT {

    @TempDir
    Path dst;

    @Test
    void treeOfTheOriginalToolIsContinuedNotDownloadedAgain() throws Exception {
        OriginalToolTree.write(SampleCatalog.create(), dst);
        String pythonStyle = Files.readString(dst.resolve("bob").resolve("media.json"),
                StandardCharsets.US_ASCII);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob");

            assertThat(pythonStyle).contains(", \n");
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(emulator.recorder().bytesServed()).isZero();
            assertThat(result.out()).contains("already present   5 files");
            assertThat(ExpectedTree.of(emulator, dst, "bob").problems(dst.resolve("bob")))
                    .isEmpty();
        }
    }

    @Test
    void fileCutShortInTheOriginalTreeIsFetchedAgainAndVerified() throws Exception {
        OriginalToolTree.write(SampleCatalog.create(), dst);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {
            EmulatedMedia holiday = emulator.media(SampleCatalog.HOLIDAY_MEDIA_ID).orElseThrow();
            Path source = dst.resolve("bob").resolve("My holiday video (2014)")
                    .resolve(SampleCatalog.HOLIDAY_MEDIA_ID).resolve("source.mp4");
            byte[] whole = Files.readAllBytes(source);
            Files.write(source, java.util.Arrays.copyOf(whole, whole.length / 3));

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(emulator.recorder().bytesServed()).isEqualTo(whole.length);
            assertThat(emulator.recorder().bytesServed(holiday.id(), "source"))
                    .isEqualTo(whole.length);
            assertThat(Files.readAllBytes(source)).isEqualTo(whole);
        }
    }
}
