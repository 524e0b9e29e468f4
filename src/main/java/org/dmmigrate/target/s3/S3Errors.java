package org.dmmigrate.target.s3;

import java.util.Set;
import org.dmmigrate.target.ObjectKey;
import org.dmmigrate.target.TargetException;
import org.dmmigrate.target.TargetException.Kind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what the SDK threw into a {@link TargetException} that says what to do next. */
final class S3Errors {

    private static final Set<String> REJECTED = Set.of("AccessDenied", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "AllAccessDisabled");

    private static final Set<String> CORRUPT = Set.of("BadDigest", "InvalidDigest",
            "XAmzContentSHA256Mismatch", "IncompleteBody");

    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchBucket",
            "NoSuchUpload", "NotFound");

    private static final Set<String> TRANSIENT = Set.of("SlowDown", "RequestTimeout",
            "InternalError", "ServiceUnavailable", "Throttling", "RequestTimeTooSkewed");

    private S3Errors() {
    }

    static TargetException of(String operation, String bucket, @Nullable ObjectKey key,
            SdkException failure) {
        String where = operation + " s3://" + bucket + "/" + (key == null ? "" : key.value());
        if (failure instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() == null ? null
                    : service.awsErrorDetails().errorCode();
            Kind kind = kind(status, code);
            String detail = service.awsErrorDetails() == null ? null
                    : service.awsErrorDetails().errorMessage();
            return new TargetException(kind, code, where + " failed: HTTP " + status + " "
                    + (code == null ? "" : code) + (detail == null ? "" : " (" + detail + ")")
                    + advice(kind), failure);
        }
        if (failure instanceof SdkClientException client
                && String.valueOf(client.getMessage()).contains("credentials")) {
            return new TargetException(Kind.REJECTED, null, where + " failed: no AWS "
                    + "credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or "
                    + "AWS_PROFILE with a profile in ~/.aws/credentials", failure);
        }
        return new TargetException(Kind.TRANSIENT, null, where + " failed: "
                + failure.getMessage(), failure);
    }

    private static Kind kind(int status, @Nullable String code) {
        if (code != null && REJECTED.contains(code) || status == 401 || status == 403) {
            return Kind.REJECTED;
        }
        if (code != null && CORRUPT.contains(code)) {
            return Kind.CORRUPT;
        }
        if (code != null && NOT_FOUND.contains(code) || status == 404) {
            return Kind.NOT_FOUND;
        }
        if (code != null && TRANSIENT.contains(code) || status >= 500 || status == 429) {
            return Kind.TRANSIENT;
        }
        return Kind.PERMANENT;
    }

    private static String advice(Kind kind) {
        return switch (kind) {
            case REJECTED -> "; the store rejected the credentials: check AWS_ACCESS_KEY_ID, "
                    + "AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), --region and --endpoint";
            case CORRUPT -> "; the store refused the bytes as corrupt";
            default -> "";
        };
    }
}
