package org.dmmigrate.emulator;

import static org.dmmigrate.emulator.SampleAssets.live;
import static org.dmmigrate.emulator.SampleAssets.rendition;
import static org.dmmigrate.emulator.SampleAssets.source;
import static org.dmmigrate.emulator.SampleAssets.status;
import static org.dmmigrate.emulator.SampleAssets.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in sample organisation: fixed users, keys, ids and dates, over 30 media covering
 * every asset kind and awkward titles, backed by real playable files from the classpath.
 *
 * <p>{@code docs/sample-organisation.md} lists what each media covers. The catalog is
 * immutable and thread-safe.
 */
public final class SampleCatalog {

    /** The organisation id. */
    public static final String ORGANISATION_ID = "53a46cba9473995cf2633a0c";

    /** The admin's id; the admin is not listed in {@link Catalog#users()}. */
    public static final String ADMIN_ID = "5000000000000000000000a0";

    /** The admin's login name. */
    public static final String ADMIN_USERNAME = "admin";

    /** The admin's API key (a test value, public on purpose). */
    public static final String ADMIN_KEY = "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0";

    /** The id of {@code alice}, who holds media of every asset kind. */
    public static final String ALICE_ID = "5000000000000000000000b1";

    /** The id of {@code bob}, who holds exactly the two media of the seed README. */
    public static final String BOB_ID = "5000000000000000000000b2";

    /** The id of {@code carol.smith}, who holds the media with awkward titles. */
    public static final String CAROL_ID = "5000000000000000000000b3";

    /** The id of {@code dave}, who has no media. */
    public static final String DAVE_ID = "5000000000000000000000b4";

    /** The id of bob's "My holiday video (2014)". */
    public static final String HOLIDAY_MEDIA_ID = "531594c29473991c7f21e181";

    /** The id of bob's "Test video 42". */
    public static final String TEST_VIDEO_MEDIA_ID = "1264cde462416235548e5f69";

    /** The {@code created} date of the newest media (2014-05-14); older ones go back a day each. */
    public static final long NEWEST_CREATED = 1_400_000_000L;

    private SampleCatalog() {
    }

    /** The sample organisation; every call returns an equal catalog. */
    public static Catalog create() {
        EmulatedUser admin = new EmulatedUser(ADMIN_ID, ADMIN_USERNAME, ADMIN_KEY, true);
        List<EmulatedUser> users = List.of(
                user(ALICE_ID, "alice"),
                user(BOB_ID, "bob"),
                user(CAROL_ID, "carol.smith"),
                user(DAVE_ID, "dave"));

        Map<String, List<EmulatedMedia>> media = new LinkedHashMap<>();
        Dates dates = new Dates();
        media.put(BOB_ID, bob(dates));
        media.put(ALICE_ID, alice(dates));
        media.put(CAROL_ID, carol(dates));
        return new FixedCatalog(ORGANISATION_ID, "Sample organisation", admin, users, media);
    }

    /** A user whose key repeats the last two hex digits of the id, e.g. {@code b1b1...}. */
    private static EmulatedUser user(String id, String username) {
        return new EmulatedUser(id, username, id.substring(22).repeat(20), false);
    }

    private static List<EmulatedMedia> bob(Dates dates) {
        MediaList list = new MediaList(BOB_ID, dates);
        list.add(HOLIDAY_MEDIA_ID, "My holiday video (2014)",
                c -> source(SampleFile.CLIP_A, "mp4", c),
                c -> rendition("mp4_h264_aac_hd", SampleFile.CLIP_HD, c + 600),
                c -> rendition("jpeg_thumbnail_medium", SampleFile.THUMB_MEDIUM, c + 60));
        list.add(TEST_VIDEO_MEDIA_ID, "Test video 42",
                c -> source(SampleFile.CLIP_PS, "dat", c),
                c -> rendition("jpeg_thumbnail_source", SampleFile.THUMB_SOURCE_WIDE, c + 60));
        return list.media();
    }

    private static List<EmulatedMedia> alice(Dates dates) {
        MediaList list = new MediaList(ALICE_ID, dates);
        list.add("Every rendition",
                c -> source(SampleFile.CLIP_B, "mp4", c),
                c -> rendition("mp4_h264_aac_ld", SampleFile.CLIP_A, c + 300),
                c -> rendition("mp4_h264_aac", SampleFile.CLIP_B, c + 400),
                c -> rendition("mp4_h264_aac_hq", SampleFile.CLIP_B, c + 500),
                c -> rendition("mp4_h264_aac_hd", SampleFile.CLIP_HD, c + 600),
                c -> rendition("jpeg_thumbnail_small", SampleFile.THUMB_SMALL, c + 60),
                c -> rendition("jpeg_thumbnail_medium", SampleFile.THUMB_MEDIUM, c + 60),
                c -> rendition("jpeg_thumbnail_large", SampleFile.THUMB_LARGE, c + 60),
                c -> rendition("jpeg_thumbnail_source", SampleFile.THUMB_SOURCE, c + 60));
        list.add("Realistic get_assets",
                c -> source(SampleFile.CLIP_HD, "mp4", c),
                c -> rendition("mp4_h264_aac", SampleFile.CLIP_B, c + 300),
                c -> rendition("mp4_h264_aac_hd", SampleFile.CLIP_HD, c + 800),
                c -> status("mp4_h264_aac_ld", "processing"),
                c -> status("flv_h263_mp3", "error"),
                c -> rendition("jpeg_thumbnail_medium", SampleFile.THUMB_MEDIUM, c + 250),
                c -> rendition("jpeg_thumbnail_source", SampleFile.THUMB_SOURCE_WIDE, c + 250),
                c -> stream("abs", c + 1300),
                c -> live());
        list.add("Adaptive and DRM streams",
                c -> source(SampleFile.CLIP_A, "mp4", c),
                c -> stream("abs", c + 900),
                c -> stream("abs_fa", c + 900),
                c -> stream("abs_pr", c + 900),
                c -> rendition("jpeg_thumbnail_small", SampleFile.THUMB_SMALL, c + 60));
        list.add("Live event", c -> live(), c -> stream("abs", c));
        list.add("Broken upload", c -> status(AssetKinds.SOURCE, "error"));
        list.add("Still encoding",
                c -> source(SampleFile.CLIP_A, "mp4", c),
                c -> status("mp4_h264_aac", "processing"),
                c -> status("mp4_h264_aac_hd", "pending"),
                c -> rendition("jpeg_thumbnail_medium", SampleFile.THUMB_MEDIUM, c + 60));
        list.add("Just uploaded", c -> status(AssetKinds.SOURCE, "pending"));
        moreContainers(list);
        return list.media();
    }

    private static void moreContainers(MediaList list) {
        list.add("Legacy Flash",
                c -> source(SampleFile.CLIP_FLV, "flv", c),
                c -> rendition("flv_h263_mp3", SampleFile.CLIP_FLV, c + 300),
                c -> rendition("flv_h263_mp3_ld", SampleFile.CLIP_FLV, c + 300),
                c -> rendition("jpeg_thumbnail_small", SampleFile.THUMB_SMALL, c + 60));
        list.add("QuickTime upload",
                c -> source(SampleFile.CLIP_MOV, "mov", c),
                c -> rendition("mov_h264_aac", SampleFile.CLIP_MOV, c + 300),
                c -> rendition("jpeg_thumbnail_large", SampleFile.THUMB_LARGE, c + 60));
        list.add("Matroska upload",
                c -> source(SampleFile.CLIP_MKV, "mkv", c),
                c -> rendition("mkv_h264_vorbis", SampleFile.CLIP_MKV, c + 300));
        list.add("AVI upload",
                c -> source(SampleFile.CLIP_AVI, "avi", c),
                c -> rendition("mp4_h264_aac", SampleFile.CLIP_A, c + 300));
        list.add("Windows Media upload",
                c -> source(SampleFile.CLIP_ASF, "wmv", c),
                c -> rendition("mp4_h264_aac_ld", SampleFile.CLIP_A, c + 300));
        list.add("MPEG program stream",
                c -> source(SampleFile.CLIP_PS, "mpg", c),
                c -> rendition("mpeg_ps_rendition", SampleFile.CLIP_PS, c + 300));
    }

    private static List<EmulatedMedia> carol(Dates dates) {
        MediaList list = new MediaList(CAROL_ID, dates);
        String longTitle = "Très longue vidéo — ".repeat(14) + "fin";
        List<@Nullable String> titles = new ArrayList<>(List.of(
                "Duplicate title",
                "Duplicate title",
                "Vidéo d'été à Noël — café crème",
                "東京の夏祭り 映像",
                "Party time 🎉🎬",
                "AC/DC live",
                "../../etc/passwd",
                "Wait... what..",
                longTitle,
                "",
                "Case Test",
                "case test",
                "<script>alert(1)</script>",
                "Q&A #3? yes & no  (two spaces)",
                "Line one\nline two\ttab\u0001end\r",
                "C:\\Videos\\final: cut*"));
        titles.add(10, null);

        SampleFile[] sources = {SampleFile.CLIP_A, SampleFile.CLIP_B};
        for (int i = 0; i < titles.size(); i++) {
            SampleFile file = sources[i % 2];
            list.add(titles.get(i),
                    c -> source(file, "mp4", c),
                    c -> rendition("jpeg_thumbnail_small", SampleFile.THUMB_SMALL, c + 60));
        }
        return list.media();
    }

    /** Hands out {@code created} dates one day apart, newest first. */
    private static final class Dates {

        private long next = NEWEST_CREATED;

        long next() {
            long created = next;
            next -= 86_400;
            return created;
        }
    }

    /** Builds one user's media in list order, with fixed ids and dates. */
    private static final class MediaList {

        private final String ownerId;

        private final Dates dates;

        private final List<EmulatedMedia> media = new ArrayList<>();

        MediaList(String ownerId, Dates dates) {
            this.ownerId = ownerId;
            this.dates = dates;
        }

        void add(@Nullable String title, AssetMaker... makers) {
            add(HexIds.id("sample-media:" + ownerId + ":" + media.size()), title, makers);
        }

        void add(String id, @Nullable String title, AssetMaker... makers) {
            long created = dates.next();
            Map<String, Object> meta = title == null ? Map.of() : Map.of("title", title);
            Map<String, EmulatedAsset> assets = new LinkedHashMap<>();
            for (AssetMaker maker : makers) {
                EmulatedAsset asset = maker.make(created + 30);
                assets.put(asset.name(), asset);
            }
            media.add(new EmulatedMedia(id, ownerId, created, meta,
                    Collections.unmodifiableMap(assets)));
        }

        List<EmulatedMedia> media() {
            return List.copyOf(media);
        }
    }

    /** Makes one asset from the media's creation date. */
    @FunctionalInterface
    private interface AssetMaker {

        EmulatedAsset make(long created);
    }
}
