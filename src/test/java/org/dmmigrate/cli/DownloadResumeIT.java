package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dmmigrate.emulator.EmulatedAsset;
import org.dmmigrate.emulator.EmulatedMedia;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.Fault;
import org.dmmigrate.emulator.FaultKind;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.dmmigrate.engine.BackupLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns of dmdownload: nothing is transferred when nothing changed, and what changed since
 * (a media added, an asset that became ready) is fetched, and only that.
 */
class DownloadResumeIT {

    private static final String LATER_ID = "5000000000000000000000e1";
    private static final String ADDED_ID = "5000000000000000000000e2";

    private static final long LARGE_SOURCE = 5_000_000;

    @TempDir
    Path dst;

    @Test
    void rerunRemovesTheStateLeftBesideAVerifiedFileByAKillAfterItsRename() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {
            DownloadRunner.run(emulator, dst, "--user", "bob");
            Path source;
            try (Stream<Path> files = Files.walk(dst)) {
                source = files.filter(p -> p.getFileName().toString().equals("source.mp4"))
                        .findFirst().orElseThrow();
            }
            Path state = source.resolveSibling("source.mp4.part-state");
            Files.writeString(state, "{}");
            emulator.recorder().reset();

            DownloadRunner.Result rerun = DownloadRunner.run(emulator, dst, "--user", "bob");

            assertThat(rerun.out()).contains("downloaded        0 files");
            assertThat(emulator.recorder().bytesServed()).isZero();
            assertThat(state).doesNotExist();
            assertThat(CliRun.of("dmverify", dst.toString()).out())
                    .doesNotContain("leftover partial");
        }
    }

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

    @Test
    void partialFileOfContentThatChangedSinceIsRestartedNotAppended() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(largeSource()).build().start()) {
            Path part = leavePartialSource(emulator);
            String mediaId = part.getParent().getFileName().toString();
            emulator.changeContent(mediaId, "source");
            emulator.faults().clear();
            emulator.recorder().reset();

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            long length = emulator.media(mediaId).orElseThrow().assets().get("source")
                    .content().length();
            assertThat(emulator.recorder().bytesServed(mediaId, "source")).isEqualTo(length);
            assertThat(ExpectedTree.of(emulator, dst, null).problems(dst)).isEmpty();
            assertThat(ExpectedTree.partials(dst)).isEmpty();
        }
    }

    @Test
    void partialFileIsRestartedWhenTheServerIgnoresTheRange() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(largeSource()).build().start()) {
            Path part = leavePartialSource(emulator);
            String mediaId = part.getParent().getFileName().toString();
            emulator.faults().clear();
            emulator.faults().add(Fault.parse("ignore-range"));
            emulator.recorder().reset();

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(emulator.faults().fired(FaultKind.IGNORE_RANGE)).isEqualTo(1);
            assertThat(emulator.recorder().bytesServed(mediaId, "source"))
                    .isEqualTo(LARGE_SOURCE);
            assertThat(ExpectedTree.of(emulator, dst, null).problems(dst)).isEmpty();
        }
    }

    @Test
    void partialFileIsResumedFromItsEndWhenNothingChanged() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(largeSource()).build().start()) {
            Path part = leavePartialSource(emulator);
            long kept = Files.size(part);
            String mediaId = part.getParent().getFileName().toString();
            emulator.faults().clear();
            emulator.recorder().reset();

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(kept).isPositive();
            assertThat(emulator.recorder().bytesServed(mediaId, "source"))
                    .isEqualTo(LARGE_SOURCE - kept);
            assertThat(ExpectedTree.of(emulator, dst, null).problems(dst)).isEmpty();
        }
    }

    @Test
    void partialFileThatIsAlreadyWholeIsVerifiedAndKept() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {
            DownloadRunner.Result first = DownloadRunner.run(emulator, dst, "--user", "bob");
            ExpectedTree.ExpectedFile source = ExpectedTree.of(emulator, dst, "bob").files()
                    .stream().filter(f -> f.label().endsWith(
                            SampleCatalog.HOLIDAY_MEDIA_ID + "/source"))
                    .findFirst().orElseThrow();
            // A run stopped (kill -9, full disk) after the last byte, before the rename.
            // The state file is the engine's own format, written here by hand.
            Path part = BackupLayout.partFile(source.path());
            Files.move(source.path(), part);
            Files.writeString(part.resolveSibling(source.path().getFileName() + ".part-state"),
                    "{\n  \"etag\": \"\\\"" + source.md5() + "\\\"\",\n  \"size\": "
                            + source.size() + "\n}\n");
            emulator.recorder().reset();

            DownloadRunner.Result second = DownloadRunner.run(emulator, dst, "--user", "bob");

            assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.OK);
            assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.OK);
            assertThat(emulator.recorder().bytesServed()).isZero();
            assertThat(ExpectedTree.of(emulator, dst, "bob").problems(dst)).isEmpty();
            assertThat(ExpectedTree.partials(dst)).isEmpty();
        }
    }

    private static SyntheticCatalog largeSource() {
        return SyntheticCatalog.create(1, 1, LARGE_SOURCE, 10_000, 3);
    }

    /** Runs with every source download cut after 1 MiB, so the run fails and keeps a part. */
    private Path leavePartialSource(Emulator emulator) throws Exception {
        emulator.faults().add(Fault.parse("reset:after=1m,target=source"));

        DownloadRunner.Result failed = DownloadRunner.run(emulator, dst,
                "--retry-delay", "PT0.001S");

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(ExitCodes.INCOMPLETE);
        Path source = ExpectedTree.of(emulator, dst, null).files().stream()
                .filter(f -> f.label().endsWith("/source")).findFirst().orElseThrow().path();
        assertThat(source).doesNotExist();
        Path part = BackupLayout.partFile(source);
        assertThat(part).exists();
        return part;
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
