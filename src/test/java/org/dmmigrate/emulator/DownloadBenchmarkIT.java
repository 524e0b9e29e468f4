package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of one download from the emulator over loopback. Prints MB/s and asserts only
 * the byte count; run with {@code -Dgroups=benchmark -Dtest.excludedGroups=}.
 */
@Tag("benchmark")
class DownloadBenchmarkIT {

    private static final long SIZE = 2L << 30;

    @Test
    void downloadsTwoGigabytesAndPrintsTheRate() throws Exception {
        TestCatalog catalog = new TestCatalog(new GeneratedContent(SIZE));
        try (Emulator emulator = Emulator.builder().catalog(catalog).port(0).build().start()) {
            TestApi api = new TestApi(emulator);
            TestHttp http = new TestHttp();
            String url = api.result(TestCatalog.ALICE, "media.get_assets",
                    TestApi.args().put("id", TestCatalog.VIDEO)).get("source")
                    .get("download_url").asText();
            String location = http.location(url);

            long started = System.nanoTime();
            long received = drain(http, location);
            double seconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            long raw = drainSocket(location);
            double rawSeconds = (System.nanoTime() - started) / 1e9;

            System.out.printf("emulator download (java.net.http): %d bytes in %.2f s = %.0f MB/s%n",
                    received, seconds, received / 1e6 / seconds);
            System.out.printf("emulator download (raw socket): %d bytes in %.2f s = %.0f MB/s%n",
                    raw, rawSeconds, raw / 1e6 / rawSeconds);
            assertThat(received).isEqualTo(SIZE);
            assertThat(raw).isEqualTo(SIZE);
        }
    }

    private static long drain(TestHttp http, String location) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(location))
                .timeout(Duration.ofMinutes(5)).build();
        HttpResponse<InputStream> response = http.client().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        try (InputStream in = response.body()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
            }
        }
        return total;
    }

    /** Reads the whole response over a plain socket and returns the body length. */
    private static long drainSocket(String location) throws IOException {
        URI uri = URI.create(location);
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            socket.setReceiveBufferSize(4 << 20);
            socket.getOutputStream().write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery()
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 20];
            long total = 0;
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)
                        ? matched + 1 : 0;
            }
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
            }
            return total;
        }
    }

    /** Repeating bytes produced on the fly, as a synthetic catalog would. */
    private static final class GeneratedContent implements Content {
        private static final byte[] BLOCK = InMemoryContent.pattern(1 << 20, 11).bytes();
        private final long length;

        GeneratedContent(long length) {
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public String etag() {
            return "generated-" + length;
        }

        @Override
        public InputStream open(long offset) {
            return new InputStream() {
                private long position = offset;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] target, int off, int len) {
                    if (position >= length) {
                        return -1;
                    }
                    int inBlock = (int) (position % BLOCK.length);
                    int count = (int) Math.min(Math.min(len, BLOCK.length - inBlock),
                            length - position);
                    System.arraycopy(BLOCK, inBlock, target, off, count);
                    position += count;
                    return count;
                }

                @Override
                public void close() throws IOException {
                    position = length;
                }
            };
        }
    }
}
