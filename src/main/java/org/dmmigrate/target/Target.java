package org.dmmigrate.target;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A place that keeps objects: what a migration writes into. Every write carries the MD5 of
 * its bytes and the store refuses a body that does not match it. Implementations are
 * thread-safe: many workers call them at once. Methods do not retry beyond what the
 * underlying client does; a {@link TargetException} says whether a retry may help.
 */
public interface Target {

    /** The object's size, ETag and metadata, or empty when there is none. */
    Optional<ObjectInfo> head(ObjectKey key) throws TargetException;

    /** Writes a whole object in one request; returns its ETag. */
    String put(ObjectKey key, Payload payload, ObjectMeta meta) throws TargetException;

    /** Opens an object's bytes, for reading back. */
    InputStream open(ObjectKey key) throws TargetException;

    /** Every object whose key starts with {@code prefix}, in key order, without metadata. */
    List<ObjectInfo> list(String prefix) throws TargetException;

    /** Begins a multipart upload; returns its id. */
    String createUpload(ObjectKey key, ObjectMeta meta) throws TargetException;

    /** Sends one part (numbered from 1); the store keeps the last one sent per number. */
    PartInfo uploadPart(ObjectKey key, String uploadId, int number, Payload payload)
            throws TargetException;

    /** The parts the store holds for an upload, by number. */
    List<PartInfo> listParts(ObjectKey key, String uploadId) throws TargetException;

    /** Joins the parts, in number order, into the object; returns its ETag. */
    String completeUpload(ObjectKey key, String uploadId, List<PartInfo> parts)
            throws TargetException;

    /** Drops an upload and its parts; an upload already gone is not an error. */
    void abortUpload(ObjectKey key, String uploadId) throws TargetException;

    /** The uploads begun under {@code prefix} and not completed or aborted. */
    List<UploadInfo> listUploads(String prefix) throws TargetException;
}
