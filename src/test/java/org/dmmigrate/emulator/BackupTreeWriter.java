package org.dmmigrate.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a catalog to disk in the original tool's layout and JSON style, downloading every
 * asset it would have downloaded; for titles the tool crashed on (none, or too long for a
 * file name) it uses {@code _untitled} or a cut name, as a later tool may.
 */
public final class BackupTreeWriter {

    private BackupTreeWriter() {
    }

    /** Writes {@code catalog} into {@code dst} as the original tool would have. */
    public static void write(Catalog catalog, Path dst) throws IOException {
        for (EmulatedUser user : catalog.users()) {
            Path userDir = Files.createDirectories(dst.resolve(valid(user.username())));
            List<Map<String, Object>> list = new ArrayList<>();
            for (EmulatedMedia media : catalog.media(user.id())) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", media.id());
                Object title = media.meta().get("title");
                if (title != null) {
                    item.put("title", title);
                }
                list.add(item);
                writeMedia(media, userDir.resolve(folderOf(title)).resolve(media.id()));
            }
            Files.writeString(userDir.resolve("media.json"), PythonStyleJson.write(list),
                    StandardCharsets.US_ASCII);
        }
    }

    static String valid(String component) {
        return component.replace("..", "__").replace("/", "__");
    }

    private static String folderOf(Object title) {
        if (title == null) {
            return "_untitled";
        }
        String name = valid((String) title);
        if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
            return name.substring(0, 60) + "~";
        }
        return name;
    }

    private static void writeMedia(EmulatedMedia media, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> assets = new LinkedHashMap<>();
        for (EmulatedAsset asset : media.assets().values()) {
            Map<String, Object> properties = new LinkedHashMap<>(asset.properties());
            properties.put("download_url", "http://cdn.dmcloud.net/route/http/x/"
                    + media.id() + "/" + asset.name());
            assets.put(asset.name(), properties);

            Optional<String> extension = AssetKinds.extensionOf(asset.name(),
                    asset.properties());
            if (asset.content() != null && extension.isPresent()) {
                try (InputStream in = asset.content().open(0);
                        OutputStream out = Files.newOutputStream(
                                dir.resolve(asset.name() + extension.get()))) {
                    in.transferTo(out);
                }
            }
        }
        Files.writeString(dir.resolve("assets.json"), PythonStyleJson.write(assets),
                StandardCharsets.US_ASCII);
    }
}
