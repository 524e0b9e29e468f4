/**
 * The S3 target: {@link org.dmmigrate.target.s3.S3Target} over the AWS SDK for Java v2, for
 * AWS and every S3-compatible store (MinIO, Ceph, Garage, R2, s3proxy, ...).
 */
@NullMarked
package org.dmmigrate.target.s3;

import org.jspecify.annotations.NullMarked;
