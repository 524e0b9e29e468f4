package org.dmmigrate.emulator;

/**
 * One file received by {@code POST /upload}.
 *
 * @param uuid the upload slot from {@code file.upload}
 * @param url the URL {@code media.create} accepts for it
 * @param name the base name without extension
 * @param extension the extension without dot, possibly empty
 * @param content the bytes
 * @param sha1 SHA-1 hex of the bytes
 */
record Upload(
        String uuid,
        String url,
        String name,
        String extension,
        UploadedContent content,
        String sha1) {
}
