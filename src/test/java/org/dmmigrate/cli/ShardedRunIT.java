package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.dmmigrate.engine.MigrationPlan;
import org.dmmigrate.engine.Verifier;
import org.dmmigrate.target.s3.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One organisation backed up by three {@code --shard K/3} runs and by one full run, against
 * one emulator, then migrated from the three shard folders into one bucket prefix.
 */
class ShardedRunIT {

    private static final int SHARDS = 3;
    private static final int MEDIA_PER_USER = 5;

    @TempDir
    static Path work;

    private static Emulator emulator;
    private static S3Server server;
    private static final CliRun[] DOWNLOADS = new CliRun[SHARDS + 1];

    @BeforeAll
    static void backUpInShardsAndInFull() {
        emulator = Emulator.builder()
                .catalog(SyntheticCatalog.create(3, MEDIA_PER_USER, 30_000, 10_000, 17))
                .port(0).build();
        emulator.start();
        for (int k = 1; k <= SHARDS; k++) {
            DOWNLOADS[k] = download(shardDir(k), "--shard", k + "/" + SHARDS);
        }
        DOWNLOADS[0] = download(work.resolve("full"));
        server = S3Server.start();
        MigrateRunner.useCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
    }

    @AfterAll
    static void stopServers() {
        MigrateRunner.clearCredentials();
        server.close();
        emulator.close();
    }

    @Test
    void theShardTreesTogetherAreTheFullTreeAndShareNoMedia() throws IOException {
        Map<String, String> full = assetTree(work.resolve("full"));
        Map<String, String> union = new TreeMap<>();
        Set<Path> mediaSeen = new HashSet<>();

        for (int k = 1; k <= SHARDS; k++) {
            CliRun run = DOWNLOADS[k];
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("(shard " + k + "/3 of the media only): complete")
                    .contains("bin/dmverify --shard " + k + "/3 ");
            Set<Path> media = mediaFolders(shardDir(k));
            assertThat(media).as("shard %d holds some media", k).isNotEmpty();
            for (Path folder : media) {
                assertThat(mediaSeen.add(folder)).as("media %s in two shards", folder).isTrue();
            }
            assetTree(shardDir(k)).forEach((path, digest) -> {
                String earlier = union.putIfAbsent(path, digest);
                assertThat(earlier).as(path).isIn(null, digest);
            });
        }

        assertThat(DOWNLOADS[0].exitCode()).as(DOWNLOADS[0].toString()).isEqualTo(ExitCodes.OK);
        assertThat(mediaSeen).isEqualTo(mediaFolders(work.resolve("full")));
        assertThat(union).isEqualTo(full);
        assertThat(full.keySet()).filteredOn(p -> p.endsWith(".mp4"))
                .hasSize(3 * MEDIA_PER_USER * 2);
    }

    @Test
    void eachShardsReportCountsOnlyItsMediaAndSaysWhichShard() throws IOException {
        long media = 0;

        for (int k = 1; k <= SHARDS; k++) {
            JsonNode report = new ObjectMapper().readTree(
                    shardDir(k).resolve("REPORT.json").toFile());
            assertThat(report.path("shard").asText()).isEqualTo(k + "/3");
            assertThat(report.path("complete").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.path("total").path("missing").asLong()).isZero();
            assertThat(report.path("total").path("media").asLong())
                    .isEqualTo(mediaFolders(shardDir(k)).size());
            media += report.path("total").path("media").asLong();
        }

        assertThat(media).isEqualTo(3 * MEDIA_PER_USER);
    }

    @Test
    void dmsizeOfTheShardsAddsUpToTheWhole() throws IOException {
        long bytes = 0;

        for (int k = 1; k <= SHARDS; k++) {
            CliRun run = CliRun.against(emulator, "dmsize", "--json", "--shard", k + "/3",
                    work.resolve("size-" + k).toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            JsonNode plan = new ObjectMapper().readTree(run.out());
            assertThat(plan.path("shard").asText()).isEqualTo(k + "/3");
            bytes += plan.path("total_bytes").asLong();
        }
        CliRun whole = CliRun.against(emulator, "dmsize", "--json",
                work.resolve("size-all").toString());

        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(ExitCodes.OK);
        long total = new ObjectMapper().readTree(whole.out()).path("total_bytes").asLong();
        assertThat(bytes).isEqualTo(total).isPositive();
        assertThat(mediaFolders(work.resolve("size-1")))
                .isEqualTo(mediaFolders(shardDir(1)));
    }

    @Test
    void dmverifyOfAShardChecksOnlyThatShard() {
        for (int k = 1; k <= SHARDS; k++) {
            CliRun shard = CliRun.of("dmverify", "--strict", "--shard", k + "/3",
                    shardDir(k).toString());
            CliRun ofFull = CliRun.of("dmverify", "--strict", "--read-only", "--shard",
                    k + "/3", work.resolve("full").toString());

            assertThat(shard.exitCode()).as(shard.toString()).isEqualTo(ExitCodes.OK);
            assertThat(shard.out()).contains("shard " + k + "/3 of the media only");
            assertThat(ofFull.exitCode()).as(ofFull.toString()).isEqualTo(ExitCodes.OK);
        }

        CliRun unsharded = CliRun.of("dmverify", "--read-only", shardDir(1).toString());
        assertThat(unsharded.exitCode()).as(unsharded.toString())
                .isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(unsharded.out()).contains("no assets.json for media");
        assertThat(unsharded.err()).contains("give --shard 1/3");
    }

    @Test
    void theShardsUserFoldersGatheredIntoOneFolderVerifyAsAWholeBackup() throws IOException {
        Path gathered = work.resolve("gathered");
        for (int k = 1; k <= SHARDS; k++) {
            copyUserFolders(shardDir(k), gathered);
        }

        CliRun run = CliRun.of("dmverify", "--strict", gathered.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(assetTree(gathered)).isEqualTo(assetTree(work.resolve("full")));
    }

    @Test
    void shardsMigratedIntoOnePrefixGiveTheObjectsOfAFullMigration() throws IOException {
        server.createBucket("shards");
        server.createBucket("whole");

        for (int k = 1; k <= SHARDS; k++) {
            CliRun run = MigrateRunner.run(server, shardDir(k), "s3://shards/org", "--shard",
                    k + "/3");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        }
        CliRun whole = MigrateRunner.run(server, work.resolve("full"), "s3://whole/org");

        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(ExitCodes.OK);
        Map<String, String> sharded = objects("shards");
        Map<String, String> full = objects("whole");
        assertThat(mediaObjects(sharded)).isEqualTo(mediaObjects(full)).isNotEmpty();
        for (int k = 1; k <= SHARDS; k++) {
            for (String name : MigrationPlan.ROOT_SIDECARS) {
                String key = "org/shards/" + k + "-of-3/" + name;
                assertThat(sharded).as(key)
                        .containsEntry(key, sha256(Files.readAllBytes(shardDir(k).resolve(name))));
            }
            CliRun check = MigrateRunner.run(server, shardDir(k), "s3://shards/org", "--check",
                    "--shard", k + "/3");
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
        }
        assertThat(sharded.keySet()).noneMatch(key -> !key.contains("/shards/")
                && MigrationPlan.ROOT_SIDECARS.contains(key.substring(key.indexOf('/') + 1)));
    }

    @Test
    void oneShardMigratedFromTheFullFolderSendsOnlyThatShardsMedia() throws IOException {
        server.createBucket("one-shard");
        Map<String, String> expected = new TreeMap<>();
        assetTree(shardDir(2)).forEach((path, digest) -> expected.put("org/" + path, digest));

        CliRun run = MigrateRunner.run(server, work.resolve("full"), "s3://one-shard/org",
                "--shard", "2/3");
        CliRun check = MigrateRunner.run(server, work.resolve("full"), "s3://one-shard/org",
                "--check", "--shard", "2/3");
        CliRun unsharded = MigrateRunner.run(server, work.resolve("full"), "s3://one-shard/org",
                "--check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        Map<String, String> objects = objects("one-shard");
        assertThat(mediaObjects(objects)).isEqualTo(expected);
        assertThat(objects.keySet()).filteredOn(key -> key.startsWith("org/shards/"))
                .allMatch(key -> key.startsWith("org/shards/2-of-3/"))
                .hasSameSizeAs(MigrationPlan.ROOT_SIDECARS);
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
        assertThat(unsharded.exitCode()).as(unsharded.toString())
                .isEqualTo(ExitCodes.INCOMPLETE);
    }

    @Test
    void shardsStreamedFromTheServiceIntoOnePrefixGiveTheMediaObjectsOfAFullMigration() {
        server.createBucket("streamed");
        server.createBucket("reference");
        CliRun whole = MigrateRunner.run(server, work.resolve("full"), "s3://reference/org");

        for (int k = 1; k <= SHARDS; k++) {
            CliRun run = MigrateRunner.run(server, work.resolve("api-" + k), "s3://streamed/org",
                    "--from-api", "--shard", k + "/3", "--api-url", emulator.baseUrl().toString(),
                    "--user-id", emulator.catalog().admin().id(),
                    "--api-key", emulator.catalog().admin().apiKey());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("shard " + k + "/3 of the media only");
        }

        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(ExitCodes.OK);
        assertThat(objects("streamed")).isEqualTo(mediaObjects(objects("reference")));
        assertThat(server.client().listMultipartUploads(b -> b.bucket("streamed")).uploads())
                .isEmpty();
    }

    private static CliRun download(Path dst, String... extra) {
        DownloadRunner.Result result = DownloadRunner.run(emulator, dst, extra);
        return new CliRun(result.exitCode(), result.out(), result.err());
    }

    /** Copies every file below DST's user folders, not DST's own root files. */
    private static void copyUserFolders(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (relative.getNameCount() > 1) {
                    Path copy = to.resolve(relative.toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path shardDir(int k) {
        return work.resolve("shard-" + k);
    }

    /** Every file of a backup but the run's own root files, by relative path: its SHA-256. */
    private static Map<String, String> assetTree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (!path.contains("/") && (Verifier.OWN_FILES.contains(path)
                        || path.startsWith(".dmmigrate"))) {
                    continue;
                }
                tree.put(path, digest(path, Files.readAllBytes(file)));
            }
        }
        return tree;
    }

    /** The folders holding an assets.json, relative to the backup. */
    private static Set<Path> mediaFolders(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return Set.copyOf(all.filter(p -> p.getFileName().toString().equals("assets.json"))
                    .map(p -> root.relativize(p.getParent())).toList());
        }
    }

    /** Every object of a bucket, by key: the SHA-256 of its bytes. */
    private static Map<String, String> objects(String bucket) {
        Map<String, String> objects = new TreeMap<>();
        server.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach((S3Object o) -> objects.put(o.key(), digest(o.key(), server.client()
                        .getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray())));
        return objects;
    }

    /** The objects that are media files and listings: neither root nor shard sidecars. */
    private static Map<String, String> mediaObjects(Map<String, String> objects) {
        Map<String, String> kept = new TreeMap<>(objects);
        kept.keySet().removeIf(key -> key.startsWith("org/shards/")
                || MigrationPlan.ROOT_SIDECARS.contains(key.substring("org/".length())));
        return kept;
    }

    /**
     * The SHA-256 of a file, of an {@code assets.json} without its signed links: they change
     * on every call, so two runs never write the same links.
     */
    private static String digest(String path, byte[] bytes) {
        if (!path.endsWith("/assets.json")) {
            return sha256(bytes);
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode assets = json.readTree(bytes);
            assets.forEach(asset -> ((ObjectNode) asset).remove(List.of("download_url",
                    "stream_url")));
            return sha256(json.writeValueAsBytes(assets));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
