package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.FaultPlan;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.dmmigrate.engine.BackupLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dmdownload as a separate JVM (the shaded jar that {@code mvn package} builds), stopped in
 * the middle of a 200 MB file, by kill -9 and by SIGTERM; the next run, in-process, fetches
 * only the remainder and leaves a verified tree.
 */
class DownloadKillIT {

    private static final long SOURCE_BYTES = 200L << 20;
    private static final long STALL_AT = 120L << 20;
    private static final long BUFFER = 1L << 20;

    @TempDir
    Path dst;

    @TempDir
    Path logs;

    @Test
    void killNineLeavesAPartialFileThatTheNextRunResumes() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of("stall:after=120m,for=120s,target=source"), 1);
        try (Emulator emulator = Emulator.builder().catalog(catalog()).faults(plan).build()
                .start()) {
            Path source = sourceFile(emulator);
            Process process = start(emulator);
            long partial = awaitPartial(process, source, STALL_AT);

            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(BackupLayout.partFile(source)).exists();
            assertThat(source).doesNotExist();
            resumeAndVerify(emulator, source, partial);
        }
    }

    @Test
    void sigtermStopsCleanlyAndLeavesAPartialFileThatTheNextRunResumes() throws Exception {
        stopsCleanlyOn(Process::destroy, 143);
    }

    @Test
    void ctrlCStopsCleanlyAndLeavesAPartialFileThatTheNextRunResumes() throws Exception {
        stopsCleanlyOn(process -> signal(process, "INT"), ExitCodes.INTERRUPTED);
    }

    private void stopsCleanlyOn(Stopper stopper, int exitCode) throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of("stall:after=120m,for=120s,target=source"), 1);
        try (Emulator emulator = Emulator.builder().catalog(catalog()).faults(plan).build()
                .start()) {
            Path source = sourceFile(emulator);
            Process process = start(emulator);
            long partial = awaitPartial(process, source, STALL_AT);
            long stopping = System.nanoTime();

            stopper.stop(process);
            boolean ended = process.waitFor(30, TimeUnit.SECONDS);

            assertThat(ended).isTrue();
            assertThat(process.exitValue()).isEqualTo(exitCode);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping))
                    .as("seconds to stop").isLessThan(5);
            assertThat(Files.readString(logs.resolve("out.txt")))
                    .contains("INTERRUPTED (rerun to resume)");
            assertThat(BackupLayout.partFile(source)).exists();
            assertThat(source).doesNotExist();
            resumeAndVerify(emulator, source, partial);
        }
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid()))
                .inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Ends a process one way or another. */
    @FunctionalInterface
    private interface Stopper {
        void stop(Process process) throws Exception;
    }

    private static SyntheticCatalog catalog() {
        return SyntheticCatalog.create(1, 1, SOURCE_BYTES, 100_000, 11);
    }

    private Path sourceFile(Emulator emulator) {
        return ExpectedTree.of(emulator, dst, null).files().stream()
                .filter(f -> f.label().endsWith("/source")).findFirst().orElseThrow().path();
    }

    private Process start(Emulator emulator) throws IOException {
        Path jar = Path.of("target", "dmcloud-migrate-cli.jar");
        assertThat(jar).as("the shaded jar; run mvn verify, which packages first").exists();
        EmulatedUser admin = emulator.catalog().admin();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "dmdownload",
                "--api-url", emulator.baseUrl().toString(),
                "--user-id", admin.id(), "--api-key", admin.apiKey(),
                "--read-timeout", "PT300S", dst.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(logs.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DMCLOUD_"));
        return builder.start();
    }

    /** Waits until the stalled download has written {@code size} bytes; returns its length. */
    private long awaitPartial(Process process, Path source, long size) throws Exception {
        Path part = BackupLayout.partFile(source);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("dmdownload ended early with " + process.exitValue()
                        + ": " + Files.readString(logs.resolve("err.txt")));
            }
            if (Files.exists(part) && Files.size(part) >= size) {
                Thread.sleep(300);
                return Files.size(part);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("no partial file of " + size + " bytes at " + part);
    }

    private void resumeAndVerify(Emulator emulator, Path source, long partial) throws Exception {
        long left = Files.size(BackupLayout.partFile(source));
        assertThat(left).isGreaterThanOrEqualTo(partial);
        emulator.faults().clear();
        emulator.recorder().reset();

        DownloadRunner.Result result = DownloadRunner.run(emulator, dst);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.OK);
        String mediaId = source.getParent().getFileName().toString();
        long served = emulator.recorder().bytesServed(mediaId, "source");
        assertThat(served).isBetween(SOURCE_BYTES - left, SOURCE_BYTES - left + BUFFER);
        assertThat(ExpectedTree.of(emulator, dst, null).problems(dst)).isEmpty();
        assertThat(ExpectedTree.partials(dst)).isEmpty();
    }
}
