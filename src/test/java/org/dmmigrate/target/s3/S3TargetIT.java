package org.dmmigrate.target.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dmmigrate.target.ObjectInfo;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.ObjectMeta;
import org.dmmigrate.target.PartInfo;
import org.dmmigrate.target.Payload;
import org.dmmigrate.target.TargetException;
import org.dmmigrate.target.UploadInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link S3Target} against a real s3proxy on loopback. */
class S3TargetIT {

    private static final int MIB = 1 << 20;

    private static S3Server server;
    private static S3Target target;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = S3Server.start();
        server.createBucket("bucket");
        target = server.target("bucket");
    }

    @AfterAll
    static void stopServer() {
        target.close();
        server.close();
    }

    @Test
    void putObjectComesBackWithItsBytesSizeEtagAndMetadata() throws Exception {
        byte[] bytes = "hello, bucket".getBytes(StandardCharsets.UTF_8);
        ObjectKey key = new ObjectKey("a/b/hello.txt");

        String etag = target.put(key, Payload.ofBytes(bytes, bytes.length, md5(bytes)),
                new ObjectMeta("text/plain", Map.of("media-id", "m1")));

        assertThat(etag).isEqualTo(md5(bytes));
        ObjectInfo head = target.head(key).orElseThrow();
        assertThat(head.size()).isEqualTo(bytes.length);
        assertThat(head.metadata()).containsEntry("media-id", "m1");
        try (InputStream in = target.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(target.list("a/")).extracting(ObjectInfo::key).containsExactly(key);
    }

    @Test
    void missingObjectHasNoHead() throws Exception {
        assertThat(target.head(new ObjectKey("no/such/object"))).isEmpty();
    }

    @Test
    void bodyNotMatchingItsMd5IsRefusedAsCorrupt() {
        byte[] bytes = "the real bytes".getBytes(StandardCharsets.UTF_8);
        String wrong = md5("other bytes".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> target.put(new ObjectKey("corrupt.txt"),
                Payload.ofBytes(bytes, bytes.length, wrong), new ObjectMeta("text/plain",
                        Map.of())))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TargetException.Kind.CORRUPT);
                    assertThat(e.code()).isEqualTo("BadDigest");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void multipartUploadJoinsPartsStreamedFromAFile() throws Exception {
        Path file = dir.resolve("big.bin");
        byte[] bytes = new byte[5 * MIB + 123];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        ObjectKey key = new ObjectKey("multi/big.bin");
        String uploadId = target.createUpload(key, new ObjectMeta("application/octet-stream",
                Map.of("source-md5", md5(bytes))));

        PartInfo first = target.uploadPart(key, uploadId, 1,
                Payload.ofFile(file, 0, 5 * MIB, md5(bytes, 0, 5 * MIB)));
        PartInfo second = target.uploadPart(key, uploadId, 2,
                Payload.ofFile(file, 5 * MIB, 123, md5(bytes, 5 * MIB, 123)));

        assertThat(target.listParts(key, uploadId)).extracting(PartInfo::number)
                .containsExactly(1, 2);
        assertThat(target.listUploads("multi/")).contains(new UploadInfo(key, uploadId));
        String etag = target.completeUpload(key, uploadId, List.of(first, second));
        assertThat(etag).endsWith("-2");
        try (InputStream in = target.open(key)) {
            assertThat(md5(in.readAllBytes())).isEqualTo(md5(bytes));
        }
        assertThat(target.listUploads("multi/")).isEmpty();
    }

    @Test
    void corruptPartIsRefusedAndTheUploadCanBeAborted() throws Exception {
        byte[] bytes = new byte[1000];
        new Random(3).nextBytes(bytes);
        ObjectKey key = new ObjectKey("multi/corrupt.bin");
        String uploadId = target.createUpload(key, new ObjectMeta("application/octet-stream",
                Map.of()));

        assertThatThrownBy(() -> target.uploadPart(key, uploadId, 1,
                Payload.ofBytes(bytes, bytes.length, md5(new byte[1000]))))
                .isInstanceOfSatisfying(TargetException.class,
                        e -> assertThat(e.kind()).isEqualTo(TargetException.Kind.CORRUPT));

        target.abortUpload(key, uploadId);
        assertThat(target.listUploads("multi/corrupt")).isEmpty();
    }

    @Test
    void wrongSecretIsRejectedWithoutShowingIt() {
        String secret = "wrong-secret-1234567890";
        try (S3Target wrong = server.target("bucket", S3Server.ACCESS_KEY, secret)) {
            assertThatThrownBy(() -> wrong.head(new ObjectKey("anything")))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TargetException.Kind.REJECTED);
                        assertThat(e.getMessage()).contains("AWS_SECRET_ACCESS_KEY")
                                .doesNotContain(secret);
                    });
        }
    }

    static String md5(byte[] bytes) {
        return md5(bytes, 0, bytes.length);
    }

    static String md5(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(bytes, offset, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
