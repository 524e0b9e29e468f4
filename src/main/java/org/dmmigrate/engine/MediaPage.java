package org.dmmigrate.engine;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The catalog page of one media: its facts, an HTML5 player over the MP4 files present
 * (renditions first, the source last), and every asset with a link to its file, or why the
 * backup has none. Needs no script. Stateless and thread-safe.
 */
final class MediaPage {

    private MediaPage() {
    }

    /** The page, to be written into {@code folder}; {@code index} is the catalog's index. */
    static String html(CatalogMedia media, Path folder, Path index) {
        String title = CatalogText.title(media.media());
        StringBuilder out = new StringBuilder(8192);
        out.append(CatalogResources.head(title + " \u2014 Backup catalog", false));
        out.append("<nav><a href=\"").append(Hrefs.relative(folder, index))
                .append("\">&larr; All media</a></nav>\n");
        out.append("<h1 id=\"title\"")
                .append(CatalogText.placeholderTitle(media.media()) ? " class=\"placeholder\"" : "")
                .append('>').append(Html.text(title)).append("</h1>\n");
        facts(out, media, folder, index.getParent().getParent());
        player(out, media, folder);
        assets(out, media, folder);
        return out.append("</body>\n</html>\n").toString();
    }

    private static void facts(StringBuilder out, CatalogMedia media, Path folder, Path root) {
        out.append("<dl class=\"facts\">\n");
        fact(out, "User", Html.text(media.user()));
        fact(out, "Media id", "<code>" + Html.text(media.media().id()) + "</code>");
        String duration = CatalogText.duration(media.durationSeconds());
        fact(out, "Duration", duration.isEmpty() ? "unknown" : duration);
        fact(out, "In the backup", Html.text(CatalogText.bytes(media.presentBytes())) + " in "
                + media.assets().stream().filter(CatalogAsset::present).count() + " files");
        fact(out, "Folder", "<a href=\"" + Hrefs.relative(folder, media.folder()) + "/\">"
                + Html.text(root.relativize(media.folder()).toString()) + "</a>");
        out.append("</dl>\n");
        if (media.problem() != null) {
            out.append("<p class=\"missing\" id=\"problem\">The assets of this media are "
                    + "unknown: ").append(Html.text(media.problem())).append(".</p>\n");
        }
    }

    private static void fact(StringBuilder out, String name, String html) {
        out.append("<dt>").append(name).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static void player(StringBuilder out, CatalogMedia media, Path folder) {
        List<CatalogAsset> playable = media.playable();
        if (playable.isEmpty()) {
            out.append("<p class=\"muted\" id=\"no-player\">No MP4 file of this media is in the "
                    + "backup; the files below open in a video player.</p>\n");
            return;
        }
        out.append("<video id=\"player\" controls preload=\"metadata\"");
        poster(media).ifPresent(p -> out.append(" poster=\"")
                .append(Hrefs.relative(folder, p.file())).append('"'));
        out.append(">\n");
        for (CatalogAsset asset : playable) {
            out.append("<source src=\"").append(Hrefs.relative(folder, asset.file()))
                    .append("\" type=\"video/mp4\" data-asset=\"")
                    .append(Html.text(asset.asset().name())).append("\">\n");
        }
        out.append("<p>This browser cannot play MP4; open a file below instead.</p>\n</video>\n");
        out.append("<p class=\"muted\">The player tries, in order: ")
                .append(String.join(", ", playable.stream()
                        .map(a -> Html.text(a.asset().name())).toList()))
                .append(".</p>\n");
    }

    private static Optional<CatalogAsset> poster(CatalogMedia media) {
        return media.assets().stream().filter(CatalogAsset::isThumbnail)
                .max(Comparator.comparingLong(a -> a.number("video_width").orElse(0)));
    }

    private static void assets(StringBuilder out, CatalogMedia media, Path folder) {
        out.append("<h2>Assets</h2>\n<table id=\"assets\">\n<thead><tr><th>Asset</th>"
                + "<th>Status</th><th>Container</th><th class=\"number\">Size</th>"
                + "<th class=\"number\">Resolution</th><th class=\"number\">Duration</th>"
                + "<th>File</th></tr></thead>\n<tbody>\n");
        for (CatalogAsset asset : media.assets()) {
            out.append("<tr class=\"asset\" data-asset=\"").append(Html.text(asset.asset().name()))
                    .append("\"><td>").append(Html.text(asset.asset().name())).append("</td><td>")
                    .append(Html.text(status(asset))).append("</td><td>")
                    .append(Html.text(orEmpty(asset.asset().container())))
                    .append("</td><td class=\"number\">").append(size(asset))
                    .append("</td><td class=\"number\">").append(CatalogText.resolution(asset))
                    .append("</td><td class=\"number\">")
                    .append(CatalogText.duration(asset.number("duration")))
                    .append("</td><td>").append(file(asset, folder)).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static String status(CatalogAsset asset) {
        String status = orEmpty(asset.asset().status());
        return asset.kind() == AssetKind.FILE ? status : status + " (" + asset.kind().label() + ")";
    }

    private static String size(CatalogAsset asset) {
        OptionalLong listed = asset.asset().fileSize();
        OptionalLong size = asset.present() ? asset.presentBytes() : listed;
        return size.isEmpty() ? "" : Html.text(CatalogText.bytes(size.getAsLong()));
    }

    private static String file(CatalogAsset asset, Path folder) {
        Path file = asset.file();
        if (file == null) {
            return "<span class=\"muted\">no file</span>";
        }
        if (!asset.present()) {
            return "<span class=\"missing\">not in the backup</span>";
        }
        return "<a class=\"file\" href=\"" + Hrefs.relative(folder, file) + "\">"
                + Html.text(file.getFileName().toString()) + "</a>";
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
