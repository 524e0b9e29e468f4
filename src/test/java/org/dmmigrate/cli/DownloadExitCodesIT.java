package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.engine.BackupLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented exit codes of dmdownload, each with its one clear message. */
class DownloadExitCodesIT {

    @TempDir
    Path dst;

    @Test
    void missingCredentialsExitWithUsageNamingTheVariable() {
        DownloadRunner.Result result = DownloadRunner.raw("--api-url", "http://127.0.0.1:9",
                "--user-id", "", "--api-key", "", dst.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("DMCLOUD_USER_ID");
    }

    @Test
    void rejectedKeyExitsWithRejected() {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.raw(
                    "--api-url", emulator.baseUrl().toString(),
                    "--user-id", SampleCatalog.ADMIN_ID, "--api-key", "f".repeat(40),
                    dst.toString());

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.REJECTED);
            assertThat(result.err()).contains("rejected the credentials")
                    .doesNotContain("f".repeat(40));
        }
    }

    @Test
    void unreachableApiExitsWithUnreachableQuickly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();

        DownloadRunner.Result result = DownloadRunner.raw(
                "--api-url", "http://127.0.0.1:" + closedPort,
                "--user-id", SampleCatalog.ADMIN_ID, "--api-key", SampleCatalog.ADMIN_KEY,
                dst.toString());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err()).contains("127.0.0.1:" + closedPort);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void unknownUserExitsWithUsageListingTheUsers() {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start()) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "eve");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("eve").contains("alice").contains("bob")
                    .contains("carol.smith").contains("dave");
        }
    }

    @Test
    void secondRunWhileTheFirstHoldsTheFolderExitsWithLocked() throws Exception {
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create()).build()
                .start();
                BackupLock first = BackupLock.acquire(dst)) {

            DownloadRunner.Result result = DownloadRunner.run(emulator, dst, "--user", "bob");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.LOCKED);
            assertThat(result.err()).contains("another run is using the backup folder");
            assertThat(emulator.recorder().bytesServed()).isZero();
        }
    }
}
