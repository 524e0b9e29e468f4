package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos disk-full case: dmdownload (a separate JVM) writes into a tmpfs smaller than the
 * organisation, mounted by the test in a user and mount namespace ({@code unshare -rm}, no
 * privileges needed where unprivileged user namespaces are allowed; skipped with a message
 * where they are not). It must stop with exit 5 and an error naming the path and the free
 * space, with no corrupt final file; after the tmpfs is grown, a rerun completes and dmverify
 * finds the backup intact.
 */
@Tag("chaos")
class ChaosDiskFullIT {

    private static final String SMALL = "6m";

    private static final long SMALL_BYTES = 6L << 20;

    @TempDir
    Path work;

    @Test
    void aFullDiskStopsWithAClearErrorAndARerunAfterFreeingSpaceCompletes() throws Exception {
        Path mount = Files.createDirectories(work.resolve("mnt"));
        Path out = Files.createDirectories(work.resolve("out"));
        String refusal = tmpfsRefusal(mount);
        Assumptions.assumeTrue(refusal == null, "disk-full case skipped: cannot mount a small "
                + "tmpfs here (unshare -rm + mount -t tmpfs): " + refusal);
        SyntheticCatalog catalog = SyntheticCatalog.create(1, 8, 1_500_000, 400_000, 31);
        try (Emulator emulator = Emulator.builder().catalog(catalog).build().start()) {
            TrueBytes truth = TrueBytes.of(emulator, out.resolve("after-full"));
            assertThat(truth.totalBytes()).isGreaterThan(2 * SMALL_BYTES);

            int code = runScript(emulator, mount, out);

            assertThat(code).as(read(out, "script.err")).isZero();
            String first = read(out, "run1.out") + read(out, "run1.err");
            assertThat(read(out, "run1.rc").trim()).as(first).isEqualTo("5");
            assertThat(first).containsPattern("cannot write " + mount + "/dump/\\S+")
                    .contains("No space left on device")
                    .containsPattern("free space on the file system of " + mount
                            + "/dump: [0-9.]+ [kM]?B");
            List<String> corrupt = new ArrayList<>();
            for (Path file : finalFiles(out.resolve("after-full"), truth)) {
                String problem = truth.problem(file);
                if (problem != null) {
                    corrupt.add(problem);
                }
            }
            assertThat(corrupt).isEmpty();
            String second = read(out, "run2.out") + read(out, "run2.err");
            assertThat(read(out, "run2.rc").trim()).as(second).isEqualTo("0");
            assertThat(read(out, "verify.rc").trim()).as(read(out, "verify.out"))
                    .isEqualTo("0");
            Path rerun = out.resolve("after-rerun");
            assertThat(ExpectedTree.of(emulator, rerun, null).problems(rerun)).isEmpty();
            ChaosTable table = new ChaosTable("Disk full: " + truth.totalBytes() / 1000
                    + " kB organisation into a " + SMALL + " tmpfs", "step", "exit", "result");
            table.row("dmdownload into the small tmpfs", read(out, "run1.rc").trim(),
                    "stopped, error below");
            table.row("final files after the failure", "-", finalFiles(out.resolve(
                    "after-full"), truth).size() + " checked, " + corrupt.size() + " corrupt");
            table.row("dmdownload after growing it to 64m", read(out, "run2.rc").trim(),
                    "complete");
            table.row("dmverify --strict", read(out, "verify.rc").trim(), "100% intact");
            table.note(errorLine(first).replace(mount.toString(), "MNT"));
            table.publish("disk-full");
        }
    }

    /** Null when this process may mount a tmpfs in a new user+mount namespace, else why not. */
    private static @Nullable String tmpfsRefusal(Path mount) {
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c",
                    "mount -t tmpfs -o size=1m tmpfs \"$1\"", "sh", mount.toString())
                    .redirectErrorStream(true).start();
            String said = new String(probe.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "the probe did not end";
            }
            return probe.exitValue() == 0 ? null : "exit " + probe.exitValue() + ": " + said;
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static int runScript(Emulator emulator, Path mount, Path out) throws Exception {
        Path jar = Path.of("target", "dmcloud-migrate-cli.jar").toAbsolutePath();
        assertThat(jar).as("the shaded jar; run mvn verify, which packages first").exists();
        String tool = "\"$JAVA\" -Xmx256m -jar \"$JAR\"";
        String script = String.join("\n",
                "set -u",
                "mount -t tmpfs -o size=" + SMALL + " tmpfs \"$MNT\" || exit 90",
                tool + " dmdownload --jobs 4 --retry-delay PT0.01S \"$MNT/dump\""
                        + " >\"$OUT/run1.out\" 2>\"$OUT/run1.err\"; echo $? >\"$OUT/run1.rc\"",
                "cp -a \"$MNT/dump\" \"$OUT/after-full\" || exit 91",
                "mount -o remount,size=64m \"$MNT\" || exit 92",
                tool + " dmdownload --jobs 4 --retry-delay PT0.01S \"$MNT/dump\""
                        + " >\"$OUT/run2.out\" 2>\"$OUT/run2.err\"; echo $? >\"$OUT/run2.rc\"",
                tool + " dmverify --strict \"$MNT/dump\" >\"$OUT/verify.out\" 2>&1;"
                        + " echo $? >\"$OUT/verify.rc\"",
                "cp -a \"$MNT/dump\" \"$OUT/after-rerun\" || exit 93",
                "");
        Path file = out.resolve("disk-full.sh");
        Files.writeString(file, script);
        EmulatedUser admin = emulator.catalog().admin();
        ProcessBuilder builder = new ProcessBuilder("unshare", "-rm", "sh", file.toString())
                .redirectOutput(out.resolve("script.out").toFile())
                .redirectError(out.resolve("script.err").toFile());
        builder.environment().put("JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("JAR", jar.toString());
        builder.environment().put("MNT", mount.toString());
        builder.environment().put("OUT", out.toString());
        builder.environment().put("DMCLOUD_API_URL", emulator.baseUrl().toString());
        builder.environment().put("DMCLOUD_USER_ID", admin.id());
        builder.environment().put("DMCLOUD_API_KEY", admin.apiKey());
        Process process = builder.start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static List<Path> finalFiles(Path root, TrueBytes truth) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(truth::isAsset).toList();
        }
    }

    private static String errorLine(String output) {
        return output.lines().filter(line -> line.startsWith("dmdownload: cannot write"))
                .findFirst().orElse("(none)");
    }

    private static String read(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
