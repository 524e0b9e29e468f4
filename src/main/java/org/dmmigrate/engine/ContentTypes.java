package org.dmmigrate.engine;

import java.util.Locale;
import java.util.Map;

/** The content type of an object, from its file name's extension. */
public final class ContentTypes {

    public static final String DEFAULT = "application/octet-stream";

    private static final String TEXT = "text/plain; charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("flv", "video/x-flv"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("mpg", "video/mpeg"),
            Map.entry("3gp", "video/3gpp"),
            Map.entry("asf", "video/x-ms-asf"),
            Map.entry("wmv", "video/x-ms-wmv"),
            Map.entry("ogg", "video/ogg"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("json", "application/json"),
            Map.entry("txt", TEXT),
            Map.entry("tsv", "text/tab-separated-values; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"));

    private ContentTypes() {
    }

    /** The type for a file name such as {@code source.mp4}; checksum lists are text. */
    public static String of(String fileName) {
        if (fileName.equals(Manifest.SHA256SUMS) || fileName.equals(Manifest.MD5SUMS)) {
            return TEXT;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return DEFAULT;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, DEFAULT);
    }
}
