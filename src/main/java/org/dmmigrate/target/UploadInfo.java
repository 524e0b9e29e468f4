package org.dmmigrate.target;

/**
 * A multipart upload begun and neither completed nor aborted.
 *
 * @param key the object it will create
 * @param uploadId the store's id of the upload
 */
public record UploadInfo(ObjectKey key, String uploadId) {
}
