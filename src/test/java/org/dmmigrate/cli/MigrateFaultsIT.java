package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.dmmigrate.cli.FaultProxy.Exchange;
import org.dmmigrate.cli.FaultProxy.Fault;
import org.dmmigrate.engine.Digests;
import org.dmmigrate.engine.Manifest;
import org.dmmigrate.target.s3.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * dmmigrate through a fault-injecting proxy in front of s3proxy, and killed with SIGKILL in
 * the middle of a multipart upload: each run is rerun while it says incomplete, then
 * {@code --check} (straight to s3proxy) must find every object intact, and after every run
 * every object in the bucket must hold the bytes of its local file. {@code -Dchaos.scale=full}
 * runs more files, a higher fault rate and three kills.
 */
@Tag("chaos")
class MigrateFaultsIT {

    private static final long MIB = 1L << 20;
    private static final boolean FULL = HostileCases.full();
    private static final long SEED = Long.getLong("chaos.seed", 6);
    private static final double RATE = FULL ? 0.3 : 0.15;
    private static final int MAX_RUNS = 6;
    private static final Queue<String> TABLE = new ConcurrentLinkedQueue<>();

    /**
     * The short version sends its large files (12 and 24 MiB) in parts of 5 MiB; the full
     * one uses the defaults (above 64 MiB, parts of 8 MiB) on files of 72 and 80 MiB.
     */
    private static final List<String> SMALL_PARTS = FULL ? List.of()
            : List.of("--multipart-above-mib", "8", "--part-size-mib", "5");

    @TempDir
    static Path backup;

    @TempDir
    static Path big;

    @TempDir
    Path logs;

    @BeforeAll
    static void writeTheBackups() throws Exception {
        Random random = new Random(SEED);
        writeBackup(backup, FULL ? 60 : 12, FULL ? 72 * MIB : 12 * MIB, random);
        writeBackup(big, 3, FULL ? 80 * MIB : 24 * MIB, random);
        MigrateRunner.useCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
    }

    @AfterAll
    static void printTable() {
        MigrateRunner.clearCredentials();
        System.out.println("dmmigrate fault matrix (seed " + SEED + ", rate " + RATE + "):");
        System.out.println(String.format("%-24s | %8s | %7s | %9s | %7s | %4s | %6s", "fault",
                "injected", "retried", "recovered", "corrupt", "runs", "ms"));
        TABLE.forEach(System.out::println);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void migrationThroughFaultsEndsCompleteAndNeverCorrupt(Fault fault) throws Exception {
        long started = System.nanoTime();
        try (S3Server server = S3Server.start();
                FaultProxy proxy = new FaultProxy(server.endpoint(), SEED)) {
            server.createBucket("chaos");
            proxy.inject(fault, RATE);

            int runs = 0;
            int corrupt = 0;
            CliRun run;
            do {
                run = migrate(proxy, backup, SMALL_PARTS);
                runs++;
                corrupt += corruptObjects(server, backup);
            } while (run.exitCode() == ExitCodes.INCOMPLETE && runs < MAX_RUNS);
            proxy.inject(Fault.NONE, 0);

            CliRun check = check(server, backup);
            record(fault.label(), proxy.exchanges(), corrupt, runs, started);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
            assertThat(corrupt).isZero();
            assertThat(injected(proxy.exchanges())).isPositive();
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void migrationKilledMidMultipartResumesToAnIntactBucket() throws Exception {
        Path jar = Path.of("target/dmcloud-migrate-cli.jar").toAbsolutePath();
        assertThat(jar).exists();
        long started = System.nanoTime();
        Random moments = new Random(SEED);
        int kills = FULL ? 3 : 1;
        int parts = FULL ? 10 : 5;
        try (S3Server server = S3Server.start();
                FaultProxy proxy = new FaultProxy(server.endpoint(), SEED)) {
            server.createBucket("chaos");
            int corrupt = 0;
            for (int kill = 0; kill < kills; kill++) {
                int partsBefore = acknowledgedParts(proxy.exchanges());
                int after = partsBefore + 1 + moments.nextInt(FULL ? 3 : 2);
                List<String> command = new ArrayList<>(List.of("java",
                        "-Daws.accessKeyId=" + S3Server.ACCESS_KEY,
                        "-Daws.secretAccessKey=" + S3Server.SECRET_KEY,
                        "-jar", jar.toString(), "dmmigrate", "--endpoint",
                        proxy.endpoint().toString(), "--jobs", "1"));
                command.addAll(SMALL_PARTS);
                command.addAll(List.of(big.toString(), "s3://chaos/k"));
                Process child = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve("child-" + kill + ".log").toFile())
                        .start();
                awaitParts(proxy, child, after);
                child.destroyForcibly().waitFor();
                corrupt += corruptObjects(server, big);
            }

            int runs = kills;
            CliRun run;
            do {
                run = migrate(proxy, big, SMALL_PARTS);
                runs++;
                corrupt += corruptObjects(server, big);
            } while (run.exitCode() == ExitCodes.INCOMPLETE && runs < kills + MAX_RUNS);

            CliRun check = check(server, big);
            int sent = partPuts(proxy.exchanges());
            TABLE.add(String.format("%-24s | %8d | %7d | %9s | %7d | %4d | %6d",
                    "kill -9 mid-multipart", kills, sent - parts,
                    check.exitCode() == ExitCodes.OK ? kills + "/" + kills : "0/" + kills,
                    corrupt, runs, (System.nanoTime() - started) / 1_000_000));
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
            assertThat(corrupt).isZero();
            assertThat(sent - parts).as("parts sent again after %d kills", kills)
                    .isLessThanOrEqualTo(2 * kills);
        }
    }

    private static CliRun migrate(FaultProxy proxy, Path source, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--endpoint", proxy.endpoint().toString(),
                "--region", S3Server.REGION, "--retry-delay", "PT0.01S", "--jobs", "2"));
        args.addAll(extra);
        args.add(source.toString());
        args.add("s3://chaos/k");
        CliRun run = CliRun.of("dmmigrate", args.toArray(String[]::new));
        System.err.println("dmmigrate exited with " + run.exitCode());
        return run;
    }

    private static CliRun check(S3Server server, Path source) {
        return CliRun.of("dmmigrate", "--check", "--endpoint", server.endpoint().toString(),
                "--region", S3Server.REGION, source.toString(), "s3://chaos/k");
    }

    /** How many objects under their final key hold bytes other than their local file's. */
    private static int corruptObjects(S3Server server, Path source) throws Exception {
        int corrupt = 0;
        for (S3Object object : server.client().listObjectsV2Paginator(b -> b.bucket("chaos"))
                .contents()) {
            Path local = source.resolve(object.key().substring("k/".length()));
            if (!Files.isRegularFile(local)) {
                continue;
            }
            String expected = md5(Files.newInputStream(local));
            String actual = md5(server.client().getObject(b -> b.bucket("chaos")
                    .key(object.key())));
            if (!expected.equals(actual)) {
                System.err.println("corrupt object key=" + object.key());
                corrupt++;
            }
        }
        return corrupt;
    }

    private static void record(String fault, List<Exchange> exchanges, int corrupt, int runs,
            long started) {
        int retried = 0;
        int recovered = 0;
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange exchange = exchanges.get(i);
            if (exchange.fault() == Fault.NONE) {
                continue;
            }
            boolean again = false;
            boolean answered = false;
            for (Exchange later : exchanges.subList(i + 1, exchanges.size())) {
                if (later.request().equals(exchange.request())) {
                    again = true;
                    answered |= later.fault() == Fault.NONE && later.status() > 0
                            && later.status() < 500;
                }
            }
            retried += again ? 1 : 0;
            recovered += answered ? 1 : 0;
            if (!answered) {
                System.out.println("fault without a later answer: " + exchange);
            }
        }
        TABLE.add(String.format("%-24s | %8d | %7d | %9d | %7d | %4d | %6d", fault,
                injected(exchanges), retried, recovered, corrupt, runs,
                (System.nanoTime() - started) / 1_000_000));
    }

    private static long injected(List<Exchange> exchanges) {
        return exchanges.stream().filter(e -> e.fault() != Fault.NONE).count();
    }

    private static int partPuts(List<Exchange> exchanges) {
        return (int) exchanges.stream().filter(e -> e.request().startsWith("PUT ")
                && e.request().contains("partNumber=")).count();
    }

    private static int acknowledgedParts(List<Exchange> exchanges) {
        return (int) exchanges.stream().filter(e -> e.request().startsWith("PUT ")
                && e.request().contains("partNumber=") && e.status() == 200).count();
    }

    private void awaitParts(FaultProxy proxy, Process child, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as(() -> log(child)).isTrue();
            if (acknowledgedParts(proxy.exchanges()) >= count) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the child never sent " + count + " parts");
    }

    private String log(Process child) {
        try (var files = Files.list(logs)) {
            StringBuilder text = new StringBuilder();
            for (Path file : (Iterable<Path>) files::iterator) {
                text.append(Files.readString(file));
            }
            return text.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Files of random bytes under a backup layout, recorded in the manifest, and a sidecar. */
    private static void writeBackup(Path root, int files, long largest, Random random)
            throws Exception {
        Map<Path, Long> sizes = new TreeMap<>();
        for (int i = 0; i < files; i++) {
            sizes.put(root.resolve(String.format("alice/Title %d/%024x/source.mp4", i, i)),
                    1_000L + random.nextInt(200_000));
        }
        sizes.put(root.resolve("alice/Long/0123456789abcdef01234567/source.mp4"), largest);
        try (Manifest manifest = Manifest.open(root)) {
            for (Map.Entry<Path, Long> entry : sizes.entrySet()) {
                Path file = entry.getKey();
                Files.createDirectories(file.getParent());
                byte[] chunk = new byte[(int) Math.min(MIB, entry.getValue())];
                try (OutputStream out = Files.newOutputStream(file)) {
                    for (long left = entry.getValue(); left > 0; left -= chunk.length) {
                        random.nextBytes(chunk);
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                }
                manifest.record(Manifest.Entry.of(root, file, Digests.of(file, true), "alice",
                        file.getParent().getFileName().toString(), "source", Instant.now()));
            }
            manifest.save();
        }
        Files.writeString(root.resolve("alice/media.json"), "[]\n");
    }

    private static String md5(InputStream stream) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (InputStream in = stream) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
