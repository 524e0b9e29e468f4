package org.dmmigrate.target.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: s3proxy 4.1.0 in-process on 127.0.0.1 (port 0) with AWS v2/v4
 * authentication, over a transient (in-memory) or filesystem blob store.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-not-for-output";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final S3Client client;

    private S3Server(S3Proxy proxy) {
        this.proxy = proxy;
        this.client = client(endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    /** Starts a server over an in-memory store. */
    public static S3Server start() {
        return start(null);
    }

    /** Starts a server over files under {@code dir}, or in memory when it is null. */
    public static S3Server start(@Nullable Path dir) {
        Properties properties = new Properties();
        String provider = dir == null ? "transient" : "filesystem";
        properties.setProperty("jclouds.provider", provider);
        if (dir != null) {
            properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        }
        try {
            BlobStore store = BlobStores.create(provider, properties);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
            return new S3Server(proxy);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A plain SDK client with the right credentials, for arranging and reading back. */
    public S3Client client() {
        return client;
    }

    /** Creates a bucket. */
    public void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    /** The settings of an {@link S3Target} on this server. */
    public S3Settings settings(String bucket) {
        return new S3Settings(bucket, endpoint(), REGION, true, 8);
    }

    /** A target on this server with the given credentials. */
    public S3Target target(String bucket, String accessKey, String secretKey) {
        return new S3Target(client(endpoint(), accessKey, secretKey), bucket);
    }

    /** A target on this server with the right credentials. */
    public S3Target target(String bucket) {
        return target(bucket, ACCESS_KEY, SECRET_KEY);
    }

    private static S3Client client(URI endpoint, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(16))
                .build();
    }

    @Override
    public void close() {
        client.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy", e);
        }
    }
}
