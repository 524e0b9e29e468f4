package org.dmmigrate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The fixed parts of every catalog page: the style sheet, the index's script and the head
 * that carries them inline with a Content-Security-Policy. The policy allows only the
 * inline style and script with these exact hashes, images and media from files, and
 * nothing from any network, so an injected element could neither run nor call out.
 * Immutable and thread-safe.
 */
final class CatalogResources {

    static final String STYLE = load("catalog.css");

    static final String INDEX_SCRIPT = load("index.js");

    private CatalogResources() {
    }

    /** The document start up to {@code <body>}, with the style and policy; escapes the title. */
    static String head(String title, boolean withScript) {
        String scripts = withScript ? "'" + hash(INDEX_SCRIPT) + "'" : "'none'";
        String policy = "default-src 'none'; img-src 'self' file:; media-src 'self' file:; "
                + "style-src '" + hash(STYLE) + "'; script-src " + scripts
                + "; base-uri 'none'; form-action 'none'";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">\n"
                + "<meta name=\"generator\" content=\"dmcatalog\">\n"
                + "<title>" + Html.text(title) + "</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n";
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String load(String name) {
        try (InputStream in = CatalogResources.class.getResourceAsStream("catalog/" + name)) {
            if (in == null) {
                throw new IllegalStateException("catalog/" + name + " is missing from the jar; "
                        + "rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog/" + name + " from the jar", e);
        }
    }
}
