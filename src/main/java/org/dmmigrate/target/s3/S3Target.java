package org.dmmigrate.target.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmmigrate.target.ObjectInfo;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.ObjectMeta;
import org.dmmigrate.target.PartInfo;
import org.dmmigrate.target.Payload;
import org.dmmigrate.target.Target;
import org.dmmigrate.target.TargetException;
import org.dmmigrate.target.UploadInfo;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link Target} in one S3 bucket, over the AWS SDK v2 with its Apache HttpClient 5 transport.
 * Every PUT and part carries {@code Content-MD5}, so the store refuses a corrupt body
 * ({@code BadDigest}). Credentials come from the environment
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), system properties or a profile
 * ({@code AWS_PROFILE}, {@code ~/.aws/credentials}), and are never logged.
 *
 * <p>Thread-safe; close it to release its connections.
 */
public final class S3Target implements Target, AutoCloseable {

    private static final String OCTETS = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;

    public S3Target(S3Settings settings) {
        this(client(settings), settings.bucket());
    }

    /** A target over a client the caller built (and still owns after {@link #close()}). */
    S3Target(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * The credentials this tool uses: the SDK's chain without the instance and container
     * metadata services, so that nothing is ever asked of a metadata address.
     */
    public static AwsCredentialsProvider credentialChain() {
        // TODO(#5): EC2 instance roles and ECS task roles are not used; give keys or a profile.
        return AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(), ProfileCredentialsProvider.create());
    }

    private static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentialChain())
                .forcePathStyle(settings.pathStyle())
                // The MD5 we send is the checksum; no CRC32 trailers that some stores refuse.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(Math.max(8, settings.connections()))
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Override
    public Optional<ObjectInfo> head(ObjectKey key) throws TargetException {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key.value()));
            return Optional.of(new ObjectInfo(key, head.contentLength(), bare(head.eTag()),
                    head.metadata()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Errors.of("HEAD", bucket, key, e);
        } catch (SdkException e) {
            throw S3Errors.of("HEAD", bucket, key, e);
        }
    }

    @Override
    public String put(ObjectKey key, Payload payload, ObjectMeta meta) throws TargetException {
        try {
            return bare(s3.putObject(b -> b.bucket(bucket).key(key.value())
                    .contentType(meta.contentType()).metadata(meta.metadata())
                    .contentLength(payload.length()).contentMD5(base64(payload.md5())),
                    body(payload)).eTag());
        } catch (SdkException e) {
            throw S3Errors.of("PUT", bucket, key, e);
        }
    }

    @Override
    public InputStream open(ObjectKey key) throws TargetException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            throw S3Errors.of("GET", bucket, key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws TargetException {
        try {
            List<ObjectInfo> objects = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                    .forEach(object -> objects.add(new ObjectInfo(new ObjectKey(object.key()),
                            object.size(), bare(object.eTag()), Map.of())));
            return objects;
        } catch (SdkException e) {
            throw S3Errors.of("LIST", bucket, null, e);
        }
    }

    @Override
    public String createUpload(ObjectKey key, ObjectMeta meta) throws TargetException {
        try {
            return s3.createMultipartUpload(b -> b.bucket(bucket).key(key.value())
                    .contentType(meta.contentType()).metadata(meta.metadata())).uploadId();
        } catch (SdkException e) {
            throw S3Errors.of("CreateMultipartUpload", bucket, key, e);
        }
    }

    @Override
    public PartInfo uploadPart(ObjectKey key, String uploadId, int number, Payload payload)
            throws TargetException {
        try {
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key.value())
                    .uploadId(uploadId).partNumber(number).contentLength(payload.length())
                    .contentMD5(base64(payload.md5())), body(payload)).eTag();
            return new PartInfo(number, payload.length(), bare(etag));
        } catch (SdkException e) {
            throw S3Errors.of("UploadPart " + number + " of", bucket, key, e);
        }
    }

    @Override
    public List<PartInfo> listParts(ObjectKey key, String uploadId) throws TargetException {
        try {
            List<PartInfo> parts = new ArrayList<>();
            s3.listPartsPaginator(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId))
                    .parts().forEach(part -> parts.add(new PartInfo(part.partNumber(),
                            part.size(), bare(part.eTag()))));
            return parts;
        } catch (SdkException e) {
            throw S3Errors.of("ListParts", bucket, key, e);
        }
    }

    @Override
    public String completeUpload(ObjectKey key, String uploadId, List<PartInfo> parts)
            throws TargetException {
        List<CompletedPart> completed = parts.stream()
                .map(part -> CompletedPart.builder().partNumber(part.number())
                        .eTag("\"" + part.etag() + "\"").build())
                .toList();
        try {
            return bare(s3.completeMultipartUpload(b -> b.bucket(bucket).key(key.value())
                    .uploadId(uploadId).multipartUpload(m -> m.parts(completed))).eTag());
        } catch (SdkException e) {
            throw S3Errors.of("CompleteMultipartUpload", bucket, key, e);
        }
    }

    @Override
    public void abortUpload(ObjectKey key, String uploadId) throws TargetException {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw S3Errors.of("AbortMultipartUpload", bucket, key, e);
            }
        } catch (SdkException e) {
            throw S3Errors.of("AbortMultipartUpload", bucket, key, e);
        }
    }

    @Override
    public List<UploadInfo> listUploads(String prefix) throws TargetException {
        try {
            List<UploadInfo> uploads = new ArrayList<>();
            s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)).uploads()
                    .forEach(upload -> uploads.add(new UploadInfo(new ObjectKey(upload.key()),
                            upload.uploadId())));
            return uploads;
        } catch (SdkException e) {
            throw S3Errors.of("ListMultipartUploads", bucket, null, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3Target[s3://" + bucket + "]";
    }

    private static RequestBody body(Payload payload) {
        return RequestBody.fromContentProvider(() -> {
            try {
                return payload.source().open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, payload.length(), OCTETS);
    }

    private static String base64(String md5Hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex));
    }

    private static String bare(@Nullable String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }
}
