package org.dmmigrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.dmmigrate.protocol.Credentials;
import org.dmmigrate.protocol.http.ClientConfig;
import org.dmmigrate.protocol.http.HttpCdn;
import org.dmmigrate.protocol.http.HttpCloudkeyClient;
import org.dmmigrate.target.s3.S3Server;
import org.dmmigrate.target.s3.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmmigrate --from-api}: an interrupted streamed upload resumes its parts. */
class ApiMigrationResumeIT {

    private static final long MIB = PartSizing.MIB;
    private static final int PARTS = 6;

    private static S3Server server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() {
        server = S3Server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void cancelledStreamedUploadResumesWithoutResendingFinishedParts() throws Exception {
        server.createBucket("streams");
        Catalog catalog = SyntheticCatalog.create(1, 1, PARTS * 5 * MIB - 100, 0, 9);
        try (Emulator emulator = Emulator.builder().catalog(catalog).port(0).build().start();
                S3Target s3 = server.target("streams")) {
            RecordingTarget first = new RecordingTarget(s3);
            AtomicBoolean cancelled = new AtomicBoolean();
            AtomicInteger acknowledged = new AtomicInteger();
            first.afterPart = () -> {
                if (acknowledged.incrementAndGet() == 2) {
                    cancelled.set(true);
                }
            };
            MigrationSummary stopped = run(emulator, first, cancelled);
            Set<Integer> kept = UploadState.load(work, true).uploads().values().stream()
                    .flatMap(upload -> upload.parts().keySet().stream())
                    .collect(Collectors.toSet());

            RecordingTarget second = new RecordingTarget(s3);
            MigrationSummary resumed = run(emulator, second, new AtomicBoolean());

            assertThat(stopped.wasCancelled()).isTrue();
            assertThat(kept).isNotEmpty().isSubsetOf(first.partsSent);
            Set<Integer> missing = IntStream.rangeClosed(1, PARTS).boxed()
                    .filter(n -> !kept.contains(n)).collect(Collectors.toSet());
            assertThat(second.partsSent).isEqualTo(missing);
            assertThat(resumed.complete()).as(resumed.failures().toString()).isTrue();
            assertThat(resumed.resumedParts()).isEqualTo(kept.size());
            assertThat(s3.listUploads("")).isEmpty();
        }
    }

    private MigrationSummary run(Emulator emulator, RecordingTarget target,
            AtomicBoolean cancelled) throws Exception {
        Catalog catalog = emulator.catalog();
        HttpCloudkeyClient client = new HttpCloudkeyClient(ClientConfig.of(emulator.baseUrl(),
                new Credentials(catalog.admin().id(), catalog.admin().apiKey())));
        ApiMigrationRun run = new ApiMigrationRun(new ApiService(client),
                new HttpCdn("test", Duration.ofSeconds(5), Duration.ofSeconds(10)), target,
                MigrationListener.NONE,
                Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(2), 2),
                cancelled::get);
        return run.run(new MigrationOptions(work, "", false, 2, 5 * MIB, 5 * MIB), null);
    }
}
