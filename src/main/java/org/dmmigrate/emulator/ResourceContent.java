package org.dmmigrate.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of a classpath resource, read once and kept in memory; the etag is their MD5.
 *
 * <p>Immutable and thread-safe. Instances are shared per resource name.
 */
public final class ResourceContent implements Content {

    private static final Map<String, ResourceContent> CACHE = new ConcurrentHashMap<>();

    private final String resource;

    private final byte[] bytes;

    private final String md5;

    private ResourceContent(String resource, byte[] bytes) {
        this.resource = resource;
        this.bytes = bytes;
        this.md5 = HexIds.md5Hex(bytes);
    }

    /**
     * The content of an absolute classpath resource such as
     * {@code /org/dmmigrate/emulator/sample/clip-a.mp4}.
     *
     * @throws IllegalArgumentException when the resource does not exist
     * @throws UncheckedIOException when it cannot be read
     */
    public static ResourceContent of(String resource) {
        return CACHE.computeIfAbsent(resource, ResourceContent::load);
    }

    private static ResourceContent load(String resource) {
        try (InputStream in = ResourceContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource
                        + "; rebuild with the committed files under src/main/resources");
            }
            return new ResourceContent(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }

    /** The resource name this content was read from. */
    public String resource() {
        return resource;
    }

    /** The MD5 of the bytes, 32 lowercase hex characters. */
    public String md5() {
        return md5;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
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
        Offsets.check(offset, bytes.length, resource);
        return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }

    @Override
    public String toString() {
        return "ResourceContent[" + resource + ", " + bytes.length + " bytes]";
    }
}
