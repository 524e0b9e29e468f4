package org.dmmigrate.emulator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** The bytes of a file received by {@code POST /upload}, kept in memory. Immutable. */
final class UploadedContent implements Content {

    private final byte[] bytes;
    private final String md5;

    UploadedContent(byte[] bytes) {
        this.bytes = bytes.clone();
        this.md5 = Hashes.md5(bytes);
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public String etag() {
        return md5;
    }

    @Override
    public InputStream open(long offset) {
        int start = (int) Math.min(offset, bytes.length);
        return new ByteArrayInputStream(bytes, start, bytes.length - start);
    }

    String md5() {
        return md5;
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
