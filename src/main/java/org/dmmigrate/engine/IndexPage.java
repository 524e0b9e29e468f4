package org.dmmigrate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The catalog's {@code index.html}: every media of every user. The media are one JSON array
 * inside the page (one short row per media, about 200 bytes plus its links), which an inline
 * script filters by the search box and shows {@value #PER_PAGE} at a time, so even 100,000
 * media keep the page's DOM small. Not thread-safe: one writer adds media, then renders.
 */
final class IndexPage {

    /** Media shown per page of the list; index.js holds the same number. */
    static final int PER_PAGE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final List<List<@Nullable Object>> entries = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private long bytes;

    /** An index written into {@code folder} (the catalog folder), for its relative links. */
    IndexPage(Path folder) {
        this.folder = folder;
    }

    void addUser(String user) {
        users.add(user);
    }

    /** Adds one media, whose own page is {@code page}. */
    void add(CatalogMedia media, Path page) {
        Optional<CatalogAsset> thumbnail = media.thumbnail();
        String thumbnailHref = thumbnail.map(a -> Hrefs.relative(folder, a.file())).orElse(null);
        // The page's script shows these as text: the same characters as the media pages.
        entries.add(Arrays.asList(Html.printable(media.user()), Html.printable(media.media().id()),
                Html.printable(CatalogText.title(media.media())),
                CatalogText.placeholderTitle(media.media()),
                CatalogText.duration(media.durationSeconds()),
                CatalogText.bytes(media.presentBytes()), media.assets().size(), thumbnailHref,
                Hrefs.relative(folder, page)));
        bytes += media.presentBytes();
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }

    /** The page, written at {@code now}, listing {@code problems} above the media. */
    String html(Instant now, List<String> problems) {
        StringBuilder out = new StringBuilder(256 * entries.size() + 4096);
        out.append(CatalogResources.head("Backup catalog", true));
        out.append("<header>\n<h1>Backup catalog</h1>\n<p class=\"muted\">")
                .append(String.format(Locale.ROOT, "%,d", entries.size())).append(" media of ")
                .append(String.format(Locale.ROOT, "%,d", users.size()))
                .append(users.size() == 1 ? " user, " : " users, ")
                .append(Html.text(CatalogText.bytes(bytes)))
                .append(" of files in the backup. Written by dmcatalog on ")
                .append(WHEN.format(now)).append(".</p>\n</header>\n");
        if (!problems.isEmpty()) {
            out.append("<div class=\"problems\" id=\"problems\"><p>Parts of the backup could not"
                    + " be read:</p>\n<ul>\n");
            problems.forEach(p -> out.append("<li>").append(Html.text(p)).append("</li>\n"));
            out.append("</ul></div>\n");
        }
        out.append("<div class=\"search\"><input id=\"search\" type=\"search\" "
                + "placeholder=\"Search titles and users\" aria-label=\"Search titles and users\""
                + " autocomplete=\"off\" autofocus>\n<span id=\"count\" class=\"muted\"></span>"
                + "</div>\n<noscript><p>The list needs JavaScript. Each media also has its own "
                + "page in the folder <code>media</code> beside this file.</p></noscript>\n");
        out.append("<table id=\"media\">\n<thead><tr><th></th><th>Title</th><th>User</th>"
                + "<th class=\"number\">Duration</th><th class=\"number\">Size</th>"
                + "<th class=\"number\">Assets</th></tr></thead>\n<tbody id=\"rows\"></tbody>\n"
                + "</table>\n<div class=\"pager\" id=\"pager\"><button id=\"previous\" "
                + "type=\"button\">&larr; Previous</button><span id=\"page\"></span>"
                + "<button id=\"next\" type=\"button\">Next &rarr;</button></div>\n");
        out.append("<script type=\"application/json\" id=\"catalog-data\">")
                .append(Html.scriptJson(json())).append("</script>\n");
        out.append("<script>").append(CatalogResources.INDEX_SCRIPT).append("</script>\n");
        return out.append("</body>\n</html>\n").toString();
    }

    private String json() {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the index data as JSON", e);
        }
    }
}
