package org.dmmigrate.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * An asset's bytes after a "content changed" fault: the original bytes followed by a short
 * revision marker, so that length, MD5 and ETag all differ from the original. Immutable.
 */
final class RevisedContent implements Content {

    private final Content original;
    private final int revision;
    private final byte[] marker;

    RevisedContent(Content original, int revision) {
        this.original = original instanceof RevisedContent revised ? revised.original : original;
        this.revision = revision;
        this.marker = ("\nrevision " + revision + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public long length() {
        return original.length() + marker.length;
    }

    @Override
    public String etag() {
        return original.etag() + "-r" + revision;
    }

    @Override
    public InputStream open(long offset) throws IOException {
        long base = original.length();
        int markerStart = (int) Math.max(0, Math.min(marker.length, offset - base));
        InputStream tail = new ByteArrayInputStream(marker, markerStart,
                marker.length - markerStart);
        if (offset >= base) {
            return tail;
        }
        return new SequenceInputStream(original.open(offset), tail);
    }

    int revision() {
        return revision;
    }
}
