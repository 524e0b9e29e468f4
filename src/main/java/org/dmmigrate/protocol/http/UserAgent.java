package org.dmmigrate.protocol.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tool's version (from the Maven-filtered {@code /dmmigrate-version.properties}) and the
 * User-Agent built from it. Thread-safe; the version is read once.
 */
public final class UserAgent {

    private static final String RESOURCE = "/dmmigrate-version.properties";
    private static final String UNKNOWN = "unknown";
    private static final String VERSION = readVersion();

    private UserAgent() {
    }

    /** The tool version, e.g. {@code 0.1.0}, or {@code unknown} outside a Maven build. */
    public static String toolVersion() {
        return VERSION;
    }

    /** {@code dmcloud-migrate/<version> (Java <runtime version>)}. */
    public static String value() {
        return "dmcloud-migrate/" + VERSION + " (Java " + System.getProperty("java.version")
                + ")";
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", UNKNOWN).trim();
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
    }
}
