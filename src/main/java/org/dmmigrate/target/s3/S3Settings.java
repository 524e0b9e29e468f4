package org.dmmigrate.target.s3;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * How to reach an S3 store. Credentials are not here: they come from the SDK's credential
 * chain (environment, system properties, profiles), never from options.
 *
 * @param bucket the bucket every key lives in
 * @param endpoint the store's URL for non-AWS stores, or null for AWS itself
 * @param region the signing region, such as {@code us-east-1}
 * @param pathStyle whether to address {@code ENDPOINT/BUCKET/KEY} instead of
 *     {@code BUCKET.ENDPOINT/KEY} (most non-AWS stores want it)
 * @param connections the most HTTP connections kept open at once
 */
public record S3Settings(String bucket, @Nullable URI endpoint, String region,
        boolean pathStyle, int connections) {
}
