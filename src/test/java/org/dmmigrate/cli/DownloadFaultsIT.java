package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.Fault;
import org.dmmigrate.emulator.FaultKind;
import org.dmmigrate.emulator.FaultPlan;
import org.dmmigrate.emulator.RecordedCall;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmdownload over real HTTP against an emulator that misbehaves: every fault kind is
 * survived with a verified tree, corrupt bytes never reach a final name, expired links are
 * refreshed through the API. Runs bob of the sample organisation, whose assets are all ready
 * and whose every file has an MD5 (a {@code checksum} for sources, an MD5 ETag for the rest).
 */
class DownloadFaultsIT {

    private static final int RUNS = 6;

    @TempDir
    Path dst;

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(FaultKind.RESET, List.of("reset:p=0.4,after=8k")),
                Arguments.of(FaultKind.HTTP_ERROR, List.of("http-error:p=0.4,on=cdn")),
                Arguments.of(FaultKind.HTTP_ERROR, List.of("http-error:p=0.3,on=api,status=500")),
                Arguments.of(FaultKind.RATE_LIMIT, List.of("rate-limit:calls=3,window=1s")),
                Arguments.of(FaultKind.STALL, List.of("stall:p=0.3,after=8k,for=6s")),
                Arguments.of(FaultKind.TRUNCATE, List.of("truncate:p=0.4,after=8k")),
                Arguments.of(FaultKind.CORRUPT, List.of("corrupt:p=0.4")),
                Arguments.of(FaultKind.EXPIRE, List.of("expire:p=0.4")),
                // No IGNORE_RANGE here: files this small are fetched again, never resumed, so
                // no range is asked; everyFaultKindIsSurvivedOnFilesOfSeveralBuffers has it.
                Arguments.of(FaultKind.CHANGE_CONTENT, List.of("change-content:p=0.3")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("faults")
    void everyFaultKindIsSurvivedWithAVerifiedTree(FaultKind kind, List<String> specs)
            throws Exception {
        FaultPlan plan = FaultPlan.parse(specs, 42);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .faults(plan).build().start()) {

            DownloadRunner.Result result = DownloadRunner.rerunWhileIncomplete(RUNS, emulator,
                    dst, "--user", "bob");

            assertThat(plan.fired(kind)).as("the fault fired").isPositive();
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            ExpectedTree expected = ExpectedTree.of(emulator, dst, "bob");
            assertThat(expected.files()).hasSize(5);
            assertThat(expected.problems(dst)).isEmpty();
            assertThat(ExpectedTree.partials(dst)).isEmpty();
        }
    }

    static Stream<Arguments> largerFileFaults() {
        return Stream.of(
                Arguments.of(FaultKind.RESET, List.of("reset:p=0.5,after=1500k")),
                Arguments.of(FaultKind.HTTP_ERROR, List.of("http-error:p=0.4,on=cdn,status=502")),
                Arguments.of(FaultKind.HTTP_ERROR, List.of("http-error:p=0.3,on=cdn,status=404")),
                Arguments.of(FaultKind.STALL, List.of("stall:p=0.4,after=1m,for=6s")),
                Arguments.of(FaultKind.TRUNCATE, List.of("truncate:p=0.5")),
                // Only sources have a checksum here, and the synthetic ETags are not MD5s:
                // a flipped byte in a rendition or thumbnail is caught by the second read.
                Arguments.of(FaultKind.CORRUPT, List.of("corrupt:p=0.5")),
                Arguments.of(FaultKind.EXPIRE, List.of("expire:p=0.5")),
                // Ranges are asked for only after a break: reset the first source downloads
                // (3 MB) past 1 MB for sure; second reads and thumbnails take no counts.
                Arguments.of(FaultKind.IGNORE_RANGE,
                        List.of("ignore-range:every=1,times=3,target=source",
                                "reset:every=1,times=4,after=1m,target=source")),
                Arguments.of(FaultKind.CHANGE_CONTENT,
                        List.of("change-content:p=0.3", "reset:p=0.3,after=1m")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("largerFileFaults")
    void everyFaultKindIsSurvivedOnFilesOfSeveralBuffers(FaultKind kind, List<String> specs)
            throws Exception {
        FaultPlan plan = FaultPlan.parse(specs, 99);
        SyntheticCatalog catalog = SyntheticCatalog.create(2, 2, 3_000_000, 2_500_000, 5);
        try (Emulator emulator = Emulator.builder().catalog(catalog).faults(plan).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.rerunWhileIncomplete(RUNS, emulator,
                    dst);

            assertThat(plan.fired(kind)).as("the fault fired").isPositive();
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            ExpectedTree expected = ExpectedTree.of(emulator, dst, null);
            assertThat(expected.files()).hasSize(12);
            assertThat(expected.problems(dst)).isEmpty();
            assertThat(ExpectedTree.partials(dst)).isEmpty();
        }
    }

    @Test
    void fileWithNothingToCheckAgainstIsKeptOnlyWhenTwoReadsAgree() throws Exception {
        // Renditions and thumbnails of a synthetic catalog have no checksum and ETags that
        // are not MD5s: only a second read can tell a damaged download.
        FaultPlan plan = FaultPlan.parse(List.of("corrupt:every=1,times=3,target=mp4_h264_aac"), 3);
        SyntheticCatalog catalog = SyntheticCatalog.create(1, 3, 300_000, 200_000, 8);
        try (Emulator emulator = Emulator.builder().catalog(catalog).faults(plan).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.rerunWhileIncomplete(RUNS, emulator,
                    dst, "--retry-delay", "PT0.001S");

            assertThat(plan.fired(FaultKind.CORRUPT)).as("the fault fired").isPositive();
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(result.all()).contains("read twice");
            assertThat(ExpectedTree.of(emulator, dst, null).problems(dst)).isEmpty();
        }
    }

    @Test
    void truncatedBodyIsNeverKeptEvenWhenTheListingGivesNoSize() throws Exception {
        // Without file_size, the CDN's Content-Length is the size to reach; a second read
        // of a cut body would otherwise agree with the first.
        FaultPlan plan = FaultPlan.parse(List.of("truncate:p=0.5"), 4);
        WithoutFileSizes catalog = new WithoutFileSizes(
                SyntheticCatalog.create(1, 4, 300_000, 200_000, 8));
        try (Emulator emulator = Emulator.builder().catalog(catalog).faults(plan).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.rerunWhileIncomplete(RUNS, emulator,
                    dst, "--retry-delay", "PT0.001S");

            assertThat(plan.fired(FaultKind.TRUNCATE)).as("the fault fired").isPositive();
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(ExpectedTree.of(emulator, dst, null).problems(dst)).isEmpty();
        }
    }

    @Test
    void fileWithNothingToCheckAgainstIsReadTwiceByDefault() throws Exception {
        SyntheticCatalog catalog = SyntheticCatalog.create(1, 2, 300_000, 200_000, 8);
        try (Emulator emulator = Emulator.builder().catalog(catalog).build().start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).containsPattern("read twice +4 files");
            assertThat(emulator.recorder().downloads()).isEqualTo(10);
        }
    }

    @Test
    void singleReadChecksFilesWithNothingToCheckAgainstBySizeOnlyAndSaysSo() throws Exception {
        SyntheticCatalog catalog = SyntheticCatalog.create(1, 2, 300_000, 200_000, 8);
        try (Emulator emulator = Emulator.builder().catalog(catalog).build().start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--single-read");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).containsPattern("size only +4 files");
            assertThat(emulator.recorder().downloads()).isEqualTo(6);
        }
    }

    @Test
    void assetThatKeepsFailingDoesNotStopTheRun() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of(
                "http-error:on=cdn,status=500,target=mp4_h264_aac_hd"), 1);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .faults(plan).build().start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob",
                    "--retry-delay", "PT0.001S");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.INCOMPLETE);
            String failed = "bob/" + SampleCatalog.HOLIDAY_MEDIA_ID + "/mp4_h264_aac_hd";
            assertThat(result.out()).contains("failed            1")
                    .containsPattern(Pattern.quote(failed) + ": .*HTTP 500");
            // One attempt and the capped retries, then the run moved on.
            assertThat(plan.fired(FaultKind.HTTP_ERROR)).isBetween(2, 20);
            List<String> problems = ExpectedTree.of(emulator, dst, "bob").problems(dst);
            assertThat(problems).singleElement().asString().startsWith("missing " + failed);
        }
    }

    @Test
    void corruptedContentIsNeverKept() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of("corrupt:p=1"), 7);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .faults(plan).build().start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.INCOMPLETE);
            ExpectedTree expected = ExpectedTree.of(emulator, dst, "bob");
            for (ExpectedTree.ExpectedFile file : expected.files()) {
                assertThat(file.path()).as(file.label()).doesNotExist();
                assertThat(result.out()).contains(file.label() + ": ");
            }
            assertThat(result.out()).contains("failed            5");
            assertThat(expected.unexpected(dst)).isEmpty();
            assertThat(ExpectedTree.partials(dst)).isEmpty();
        }
    }

    @Test
    void theSameByteCorruptedOnEveryDownloadIsNeverAccepted() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of(
                "corrupt:target=jpeg_thumbnail_medium,offset=100"), 7);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .faults(plan).build().start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob",
                    "--retry-delay", "PT0.001S");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.INCOMPLETE);
            String label = "bob/" + SampleCatalog.HOLIDAY_MEDIA_ID + "/jpeg_thumbnail_medium";
            assertThat(result.out()).contains("failed            1").contains(label + ": ");
            assertThat(ExpectedTree.of(emulator, dst, "bob").problems(dst)).singleElement()
                    .asString().startsWith("missing " + label);
        }
    }

    @Test
    void linksRefusedAsExpiredAreRefreshedThroughTheApi() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of("expire:times=3"), 3);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .faults(plan).build().start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob",
                    "--jobs", "1");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(plan.fired(FaultKind.EXPIRE)).isEqualTo(3);
            // Two listings (one per media of bob), then one refresh per refused link.
            assertThat(emulator.recorder().calls("media.get_assets")).hasSize(2 + 3);
            assertThat(ExpectedTree.of(emulator, dst, "bob").problems(dst)).isEmpty();
        }
    }

    @Test
    void staleLinksOfAnEarlierAssetsJsonAreRefreshedWhenTheListingFails() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .downloadTtl(Duration.ofSeconds(1)).build().start()) {
            DownloadRunner.Result plan = DownloadRunner.run(emulator, dst, "--user", "bob",
                    "--fake");
            Thread.sleep(2_500);
            // Every attempt of the first listing fails (6 attempts), so the run falls back to
            // the assets.json of the --fake run, whose links have expired by now. One
            // listing at a time (--jobs 1) keeps the refreshes out of the failing calls.
            emulator.faults().add(Fault.parse("http-error:on=api,status=500,times=6,"
                    + "target=media.get_assets"));
            emulator.recorder().reset();

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob",
                    "--jobs", "1");

            assertThat(plan.exitCode()).as(plan.all()).isEqualTo(ExitCodes.OK);
            assertThat(emulator.faults().fired(FaultKind.HTTP_ERROR)).isEqualTo(6);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("link refused (HTTP 403)");
            // The second listing, then at least one refresh of a stale link.
            assertThat(emulator.recorder().calls("media.get_assets").stream()
                    .filter(RecordedCall::succeeded).count()).isGreaterThanOrEqualTo(2);
            assertThat(ExpectedTree.of(emulator, dst, "bob").problems(dst)).isEmpty();
        }
    }

    @Test
    void linksThatReallyExpiredDuringTheRunAreRefreshed() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of("stall:times=1,after=1k,for=8s"), 3);
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .downloadTtl(Duration.ofSeconds(2)).faults(plan).build().start()) {

            // The first download stalls past the read timeout, and so past the links' 2 s.
            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob",
                    "--jobs", "1", "--read-timeout", "PT4S");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
            assertThat(plan.fired(FaultKind.STALL)).isEqualTo(1);
            assertThat(emulator.recorder().calls("media.get_assets")).hasSizeGreaterThan(2);
            assertThat(ExpectedTree.of(emulator, dst, "bob").problems(dst)).isEmpty();
            assertThat(Files.exists(dst.resolve("bob").resolve("media.json"))).isTrue();
        }
    }
}
