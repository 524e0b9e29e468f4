package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS option, with a throw-away certificate made by the JDK's keytool. */
class HttpsIT {

    private static final String PASSWORD = "emulator-test";

    @TempDir
    Path folder;

    @Test
    void servesTheApiAndSignedDownloadsOverHttps() throws Exception {
        Path store = keyStore();
        TestCatalog catalog = new TestCatalog();
        try (Emulator emulator = Emulator.builder().catalog(catalog).port(0)
                .https(store, PASSWORD).build().start()) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(store))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String body = signedBody();

            HttpResponse<String> api = client.send(HttpRequest.newBuilder(
                    URI.create(emulator.baseUrl() + "/api"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String url = TestApi.parse(api.body()).get("result").get("source")
                    .get("download_url").asText();
            HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(URI.create(url))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(emulator.baseUrl().toString()).startsWith("https://127.0.0.1:");
            assertThat(url).startsWith(emulator.baseUrl() + "/route/http/");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(CdnIT.bytes(catalog.source()));
        }
    }

    private static String signedBody() {
        com.fasterxml.jackson.databind.node.ObjectNode request = TestApi.JSON.createObjectNode()
                .put("call", "media.get_assets");
        request.set("args", TestApi.args().put("id", TestCatalog.VIDEO));
        request.put("auth", TestSigner.auth(TestCatalog.ALICE.id(), TestCatalog.ALICE.apiKey(),
                request));
        return request.toString();
    }

    private Path keyStore() throws Exception {
        Path store = folder.resolve("emulator.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias",
                "emulator", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Files.exists(store)).isTrue();
        return store;
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = keys.getCertificate("emulator");
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("emulator", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
