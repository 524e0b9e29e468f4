package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmdownload and dmsize against a hostile CloudKey API ({@link HostileApi}): each case must
 * end with its documented exit code and a message naming the call or field, within its
 * timeout, with nothing written outside DST and no two media sharing a file.
 */
@Tag("chaos")
class HostileInputIT {

    private static final Queue<String> TABLE = new ConcurrentLinkedQueue<>();

    @TempDir
    Path parent;

    static List<HostileCases.Case> cases() {
        return HostileCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void hostileAnswerEndsClearlyAndInsideTheBackupFolder(HostileCases.Case hostile)
            throws Exception {
        DstGuard guard = DstGuard.around(parent);
        long started = System.nanoTime();
        CliRun run;
        long calls;
        Map<String, byte[]> served;
        try (HostileApi api = HostileApi.start()) {
            HostileCases.base(api);
            hostile.arrange().on(api);
            served = api.served();

            run = run(api, hostile.tool(), guard.dst());
            calls = api.calls();
        }

        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean ok = run.exitCode() == hostile.exit()
                && (run.out() + run.err()).contains(hostile.fragment());
        TABLE.add(String.format("%-10s | %-46s | %4d | %4d | %6d | %5d | %s", hostile.tool(),
                hostile.name(), hostile.exit(), run.exitCode(), calls, millis,
                ok ? "ok" : "FAIL"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(hostile.exit());
        assertThat(run.out() + run.err()).as(run.toString()).contains(hostile.fragment());
        assertThat(run.err()).doesNotContain(HostileApi.ADMIN_KEY);
        guard.assertNothingEscaped();
        assertFinalFilesAreServedBytes(guard, served);
        if (hostile.ownFiles()) {
            assertEveryFileHasItsOwnPath(guard, served);
        }
    }

    @AfterAll
    static void printTable() {
        System.out.println("hostile input: tool | case | expected exit | exit | api calls | ms"
                + " | verdict");
        TABLE.forEach(System.out::println);
    }

    private static CliRun run(HostileApi api, String tool, Path dst) {
        List<String> args = new ArrayList<>(List.of("--api-url", api.baseUrl().toString(),
                "--user-id", HostileApi.ADMIN_ID, "--api-key", HostileApi.ADMIN_KEY,
                "--api-retry-delay", "PT0.01S", "--read-timeout", "PT2S"));
        if (tool.equals("dmdownload")) {
            args.addAll(List.of("--retry-delay", "PT0.001S"));
        }
        args.add(dst.toString());
        return CliRun.of(tool, args.toArray(String[]::new));
    }

    /** No asset file under its final name holds bytes the CDN did not serve for some asset. */
    private static void assertFinalFilesAreServedBytes(DstGuard guard, Map<String, byte[]> served)
            throws Exception {
        Set<String> servedMd5 = new HashSet<>();
        served.values().forEach(bytes -> servedMd5.add(HostileApi.md5(bytes)));
        filesByMd5(guard).forEach((md5, files) -> assertThat(servedMd5)
                .as("bytes of " + files).contains(md5));
    }

    /** Every file the CDN holds is in DST exactly once: no two media share a file. */
    private static void assertEveryFileHasItsOwnPath(DstGuard guard, Map<String, byte[]> served)
            throws Exception {
        Map<String, List<Path>> found = filesByMd5(guard);
        for (Map.Entry<String, byte[]> entry : served.entrySet()) {
            List<Path> copies = found.getOrDefault(HostileApi.md5(entry.getValue()), List.of());
            assertThat(copies).as("files holding " + entry.getKey()).hasSize(1);
        }
    }

    /** The asset files of DST by the MD5 of their bytes. */
    private static Map<String, List<Path>> filesByMd5(DstGuard guard) throws Exception {
        Map<String, List<Path>> found = new HashMap<>();
        for (Path file : guard.files()) {
            if (file.getFileName().toString().endsWith(".mp4")) {
                String md5 = HostileApi.md5(Files.readAllBytes(guard.dst().resolve(file)));
                found.computeIfAbsent(md5, key -> new ArrayList<>()).add(file);
            }
        }
        return found;
    }
}
