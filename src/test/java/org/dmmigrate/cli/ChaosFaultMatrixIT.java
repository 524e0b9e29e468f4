package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.FaultKind;
import org.dmmigrate.emulator.FaultPlan;
import org.dmmigrate.emulator.Recorder;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos fault matrix: each fault class of the emulator, injected on at least 10% of the
 * requests it applies to, on an organisation of at least 200 assets. dmdownload is rerun while
 * it says incomplete; then dmverify must find the backup complete and intact, and no file under
 * a final name may ever have held wrong bytes (a watcher checks each one as it appears). Prints
 * fault | injected | retried | recovered | corrupt to stdout and target/chaos/fault-matrix.txt.
 */
@Tag("chaos")
class ChaosFaultMatrixIT {

    private static final int MAX_RUNS = 8;

    private static final ChaosScale SCALE = ChaosScale.current();

    /** Per-request probability of the faults. */
    private static final double RATE = SCALE.pick(0.2, 0.3);

    @TempDir
    Path work;

    /** One row of the matrix: a fault class and the fault specs that inject it. */
    private record Row(String name, FaultKind kind, boolean api, List<String> specs,
            List<String> options) {
    }

    private static List<Row> rows() {
        String p = "p=" + RATE;
        return List.of(
                new Row("reset mid-body", FaultKind.RESET, false,
                        List.of("reset:" + p + ",after=16k"), List.of()),
                new Row("5xx (API and CDN)", FaultKind.HTTP_ERROR, false,
                        List.of("http-error:" + p + ",on=all,status=503"), List.of()),
                new Row("410 rate limit", FaultKind.RATE_LIMIT, true,
                        List.of("rate-limit:calls=" + SCALE.pick(12, 6) + ",window=1s"),
                        List.of()),
                new Row("stalled body", FaultKind.STALL, false,
                        List.of("stall:" + p + ",after=16k,for=10s"),
                        List.of("--read-timeout", "PT0.5S")),
                new Row("truncated body", FaultKind.TRUNCATE, false,
                        List.of("truncate:" + p), List.of()),
                // Every asset: sources are checked against their checksum, the synthetic
                // renditions and thumbnails (no checksum, no MD5 ETag) by a second read.
                new Row("corrupted byte", FaultKind.CORRUPT, false,
                        List.of("corrupt:" + p), List.of()),
                new Row("early link expiry", FaultKind.EXPIRE, false,
                        List.of("expire:" + p), List.of()),
                // Ranges are only asked on resumes: break some sources past 256 KiB first.
                new Row("Range ignored", FaultKind.IGNORE_RANGE, false,
                        List.of("ignore-range:p=0.5", "reset:p=0.3,after=64k,target=source"),
                        List.of()),
                new Row("content changed", FaultKind.CHANGE_CONTENT, false,
                        List.of("change-content:" + p, "reset:p=0.2,after=64k"), List.of()));
    }

    @Test
    void everyFaultClassEndsVerifiedWithNoCorruptFinalFile() throws Exception {
        ChaosTable table = new ChaosTable("Fault matrix: " + org(), "fault", "requests",
                "injected", "rate", "retried", "recovered", "corrupt", "runs", "dmverify");
        List<String> failures = new ArrayList<>();

        for (Row row : rows()) {
            failures.addAll(run(row, table));
        }
        table.note("requests: the requests the fault could fire on (CDN file requests; API "
                + "calls for the rate limit; both for 5xx); "
                + "rate = injected / requests.");
        table.note("retried: download, stream-read and API call retries the tool logged; "
                + "recovered: distinct assets (API: calls) that were retried or refreshed and "
                + "ended verified.");
        table.publish("fault-matrix");

        assertThat(failures).isEmpty();
    }

    private List<String> run(Row row, ChaosTable table) throws Exception {
        FaultPlan plan = FaultPlan.parse(row.specs(), 6);
        Path dst = work.resolve(row.kind().label());
        List<String> failures = new ArrayList<>();
        try (Emulator emulator = Emulator.builder().catalog(catalog()).faults(plan).build()
                .start()) {
            TrueBytes truth = TrueBytes.of(emulator, dst);
            assertThat(truth.paths()).hasSizeGreaterThanOrEqualTo(200);
            DownloadRunner.Result last;
            int runs = 0;
            LogCapture logs = LogCapture.attach();
            try (logs; FinalFileWatcher watcher = FinalFileWatcher.start(truth, dst)) {
                do {
                    last = DownloadRunner.run(emulator, dst, options(row));
                    runs++;
                    watcher.sweep();
                } while (last.exitCode() == ExitCodes.INCOMPLETE && runs < MAX_RUNS);
                failures.addAll(watcher.corrupt());
            }
            CliRun verify = CliRun.of("dmverify", "--strict", dst.toString());

            int injected = plan.fired(row.kind());
            long requests = matching(row, emulator, injected);
            long retried = logs.count("retrying asset download")
                    + logs.count("retrying stream read") + logs.count("retrying api call");
            Set<String> assets = logs.assets("retrying asset download", "retrying stream read",
                    "refreshing refused link", "discarding corrupt download",
                    "restarting download from zero");
            long recovered = row.api() ? logs.lines().stream()
                    .filter(l -> l.startsWith("retrying api call") && l.contains(" attempt=2 "))
                    .count() : assets.size();
            int corrupt = failures.size();
            table.row(row.name(), requests < 0 ? "n/a" : requests, injected,
                    requests < 0 ? "p=0.5" : String.format("%.0f%%", 100.0 * injected
                            / Math.max(1, requests)), retried,
                    recovered, corrupt, runs, verify.exitCode() == 0 ? "100% intact"
                            : "exit " + verify.exitCode());

            if (injected == 0 || requests >= 0 && injected < 0.1 * requests) {
                failures.add(row.name() + ": injected " + injected + " of " + requests
                        + " requests, less than 10%");
            }
            if (last.exitCode() != ExitCodes.OK) {
                failures.add(row.name() + ": dmdownload ended with " + last.exitCode()
                        + " after " + runs + " runs:\n" + last.all());
            }
            if (verify.exitCode() != 0) {
                failures.add(row.name() + ": dmverify " + verify);
            }
            ExpectedTree.of(emulator, dst, null).problems(dst)
                    .forEach(p -> failures.add(row.name() + ": " + p));
        }
        return failures;
    }

    /** Eight downloads in flight, so that stalls and backoffs overlap. */
    private static String[] options(Row row) {
        List<String> options = new ArrayList<>(List.of("--jobs", "8"));
        options.addAll(row.options());
        return options.toArray(String[]::new);
    }

    /**
     * The requests the row's fault could fire on, as the emulator counts them, or -1 when it
     * cannot tell (Range ignored fires on ranged requests only, which it does not count).
     */
    private static long matching(Row row, Emulator emulator, int injected) {
        Recorder recorder = emulator.recorder();
        return switch (row.kind()) {
            case RATE_LIMIT -> recorder.calls().size();
            // CDN errors are answered before the file request is counted.
            case HTTP_ERROR -> recorder.calls().size() + recorder.downloads() + injected
                    - recorder.calls().stream().filter(c -> !c.succeeded()).count();
            // Refused at the signed route, before the redirect to the file.
            case EXPIRE -> recorder.downloads() + injected;
            case IGNORE_RANGE -> -1;
            default -> recorder.downloads();
        };
    }

    private static SyntheticCatalog catalog() {
        // Sources just over the 256 KiB resume minimum, so that resumes (and Range) happen.
        return SyntheticCatalog.create(SCALE.pick(1, 3), 70, 300_000, 40_000, 17);
    }

    private static String org() {
        SyntheticCatalog catalog = catalog();
        long media = catalog.spec().totalMedia();
        return catalog.spec().users() + " users x " + catalog.spec().mediaPerUser()
                + " media x 3 assets = " + media * 3 + " assets, faults at p=" + RATE;
    }
}
