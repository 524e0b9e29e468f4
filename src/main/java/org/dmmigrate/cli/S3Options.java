package org.dmmigrate.cli;

import java.net.URI;
import org.dmmigrate.target.s3.S3Location;
import org.dmmigrate.target.s3.S3Settings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How to reach the S3 store. There is no option for credentials on purpose: they come from
 * the AWS SDK's chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE and
 * ~/.aws/credentials), so that no secret is ever on a command line.
 */
public final class S3Options {

    static final String DEFAULT_REGION = "us-east-1";

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The S3 API URL of a non-AWS store (MinIO, Ceph, Garage, R2, ...), "
                    + "such as http://127.0.0.1:9000. Default: AWS itself.")
    @Nullable String endpoint;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION}",
            description = "The signing region (default: $AWS_REGION, else "
                    + DEFAULT_REGION + "; R2 wants 'auto').")
    @Nullable String region;

    @Option(names = "--path-style", negatable = true,
            description = "Address ENDPOINT/BUCKET/KEY rather than BUCKET.ENDPOINT/KEY "
                    + "(default: on with --endpoint, off for AWS).")
    @Nullable Boolean pathStyle;

    S3Settings settings(S3Location location, int connections) {
        URI uri = null;
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                uri = URI.create(endpoint.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--endpoint '" + endpoint + "' is not a URL; give one "
                        + "like http://127.0.0.1:9000");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                    || uri.getHost() == null) {
                throw new UsageException("--endpoint '" + endpoint + "' must be an http:// or "
                        + "https:// URL with a host");
            }
        }
        String chosen = region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
        boolean path = pathStyle != null ? pathStyle : uri != null;
        return new S3Settings(location.bucket(), uri, chosen, path, connections);
    }
}
