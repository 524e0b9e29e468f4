package org.dmmigrate.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small organisation for the emulator's tests, with the ids and keys of the spec's vectors:
 * admin {@code ...a1}, users alice {@code ...b2} (one video with every kind of asset) and bob
 * {@code ...b3} (25 titled media), plus the user of the recorded 2012 exchange.
 */
final class TestCatalog implements Catalog {

    static final String ORG = "5000000000000000000000c3";
    static final EmulatedUser ADMIN = new EmulatedUser("5000000000000000000000a1", "admin",
            "0123456789abcdef0123456789abcdef01234567", true);
    static final EmulatedUser ALICE = new EmulatedUser("5000000000000000000000b2", "alice",
            "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2", false);
    static final EmulatedUser BOB = new EmulatedUser("5000000000000000000000b3", "bob",
            "b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3", false);
    static final EmulatedUser RECORDED = new EmulatedUser("4cad8cc994a6f66a9d000001",
            "recorded", "e873406200f136c54b07acac615ec802bcc043e7", false);
    static final String VIDEO = "5000000000000000000000d4";
    static final int BOB_MEDIA = 25;

    private final Content source;
    private final InMemoryContent rendition = InMemoryContent.pattern(50_000, 2);
    private final InMemoryContent thumbnail;
    private final Map<String, EmulatedMedia> media = new LinkedHashMap<>();

    TestCatalog() {
        this(InMemoryContent.pattern(300_000, 1));
    }

    TestCatalog(Content source) {
        this.source = source;
        byte[] jpeg = InMemoryContent.pattern(5120, 3).bytes();
        jpeg[0] = (byte) 0xff;
        jpeg[1] = (byte) 0xd8;
        this.thumbnail = new InMemoryContent(jpeg);
        media.put(VIDEO, video());
        for (int i = 0; i < BOB_MEDIA; i++) {
            String id = String.format("60000000000000000000%04x", i);
            media.put(id, new EmulatedMedia(id, BOB.id(), 1_500_000_000L - i,
                    Map.of("title", "Bob video " + i, "rank", i % 2 == 0 ? "even" : "odd"),
                    Map.of()));
        }
    }

    Content source() {
        return source;
    }

    InMemoryContent rendition() {
        return rendition;
    }

    InMemoryContent thumbnail() {
        return thumbnail;
    }

    private EmulatedMedia video() {
        Map<String, EmulatedAsset> assets = new LinkedHashMap<>();
        String checksum = source instanceof InMemoryContent memory ? memory.md5() : source.etag();
        assets.put("source", asset("source", source, Map.of("status", "ready",
                "container", "MPEG-4", "file_extension", "mp4", "checksum", checksum,
                "created", 1400000702L, "file_size", source.length(), "duration", 839,
                "video_fps", 25.0)));
        assets.put("mp4_h264_aac", asset("mp4_h264_aac", rendition, Map.of("status", "ready",
                "container", "MPEG-4", "created", 1400001000L,
                "file_size", rendition.length())));
        assets.put("mp4_h264_aac_ld", new EmulatedAsset("mp4_h264_aac_ld",
                Map.of("status", "processing"), null));
        assets.put("flv_h263_mp3", new EmulatedAsset("flv_h263_mp3",
                Map.of("status", "error"), null));
        assets.put("jpeg_thumbnail_medium", asset("jpeg_thumbnail_medium", thumbnail,
                Map.of("status", "ready", "container", "JPEG", "created", 1400000950L,
                        "file_size", thumbnail.length())));
        assets.put("abs", new EmulatedAsset("abs", Map.of("status", "ready"), null));
        return new EmulatedMedia(VIDEO, ALICE.id(), 1400000696L,
                Map.of("title", "Vid\u00e9o d\u2019\u00e9t\u00e9"), assets);
    }

    private static EmulatedAsset asset(String name, Content content, Map<String, Object> props) {
        return new EmulatedAsset(name, new LinkedHashMap<>(props), content);
    }

    @Override
    public String organisationId() {
        return ORG;
    }

    @Override
    public String organisationName() {
        return "Test organisation";
    }

    @Override
    public EmulatedUser admin() {
        return ADMIN;
    }

    @Override
    public List<EmulatedUser> users() {
        return List.of(ALICE, BOB, RECORDED);
    }

    @Override
    public List<EmulatedMedia> media(String userId) {
        List<EmulatedMedia> out = new ArrayList<>();
        for (EmulatedMedia item : media.values()) {
            if (item.ownerId().equals(userId)) {
                out.add(item);
            }
        }
        return out;
    }

    @Override
    public Optional<EmulatedMedia> mediaById(String mediaId) {
        return Optional.ofNullable(media.get(mediaId));
    }
}
