package org.dmmigrate.target;

/**
 * One uploaded part of a multipart upload.
 *
 * @param number its number, from 1
 * @param size its size in bytes
 * @param etag its ETag without quotes, the part's MD5 on S3-compatible stores
 */
public record PartInfo(int number, long size, String etag) {
}
