package org.dmmigrate.emulator;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An organisation of any size whose users and media are computed on demand from their
 * indexes, with {@link GeneratedContent}: 100,000 media and 50 GB cost no memory or disk.
 *
 * <p>Every media has a {@code source} (MPEG-4, {@code sourceBytes}), an {@code mp4_h264_aac}
 * rendition ({@code renditionBytes}) and a {@code jpeg_thumbnail_small} of
 * {@value #THUMBNAIL_BYTES} bytes, all pseudo-random bytes (not playable). The source's
 * {@code checksum} is computed on first read of the property and cached; sources over
 * {@value #MAX_CHECKSUM_BYTES} bytes have no {@code checksum}, as hashing them would take
 * too long. Ids encode the indexes, so {@link Catalog#mediaById} needs no index.
 * Thread-safe.
 */
public final class SyntheticCatalog implements Catalog {

    /** The size of every thumbnail. */
    public static final long THUMBNAIL_BYTES = 3_000;

    /** The largest source given a {@code checksum}: 1 GiB. */
    public static final long MAX_CHECKSUM_BYTES = 1L << 30;

    /** The {@code created} date of each user's newest media; older ones go back 10 min each. */
    public static final long NEWEST_CREATED = 1_400_000_000L;

    private final SyntheticSpec spec;

    private final String userPrefix;

    private final String mediaPrefix;

    private final EmulatedUser admin;

    private final Map<String, String> checksums = new ConcurrentHashMap<>();

    private SyntheticCatalog(SyntheticSpec spec) {
        this.spec = spec;
        this.userPrefix = HexIds.id("synthetic-user:" + spec.seed()).substring(0, 16);
        this.mediaPrefix = HexIds.id("synthetic-media:" + spec.seed()).substring(0, 8);
        this.admin = new EmulatedUser(userPrefix + "ffffffff", "admin",
                HexIds.key("synthetic-admin:" + spec.seed()), true);
    }

    /** A synthetic organisation; the same arguments always give the same catalog. */
    public static SyntheticCatalog create(int users, int mediaPerUser, long sourceBytes,
            long renditionBytes, long seed) {
        return create(new SyntheticSpec(users, mediaPerUser, sourceBytes, renditionBytes, seed));
    }

    /** A synthetic organisation as {@code spec} describes it. */
    public static SyntheticCatalog create(SyntheticSpec spec) {
        return new SyntheticCatalog(spec);
    }

    /** The parameters of this catalog. */
    public SyntheticSpec spec() {
        return spec;
    }

    @Override
    public String organisationId() {
        return HexIds.id("synthetic-organisation:" + spec.seed());
    }

    @Override
    public String organisationName() {
        return "Synthetic organisation (seed " + spec.seed() + ")";
    }

    @Override
    public EmulatedUser admin() {
        return admin;
    }

    @Override
    public List<EmulatedUser> users() {
        return new AbstractList<>() {
            @Override
            public EmulatedUser get(int index) {
                return user(checkIndex(index, spec.users()));
            }

            @Override
            public int size() {
                return spec.users();
            }
        };
    }

    @Override
    public List<EmulatedMedia> media(String userId) {
        int user = userIndex(userId);
        if (user < 0) {
            return List.of();
        }
        return new AbstractList<>() {
            @Override
            public EmulatedMedia get(int index) {
                return SyntheticMedia.build(SyntheticCatalog.this, user,
                        checkIndex(index, spec.mediaPerUser()));
            }

            @Override
            public int size() {
                return spec.mediaPerUser();
            }
        };
    }

    @Override
    public Optional<EmulatedMedia> mediaById(String mediaId) {
        if (mediaId.length() != 24 || !mediaId.startsWith(mediaPrefix) || !HexIds.isId(mediaId)) {
            return Optional.empty();
        }
        long user = Long.parseLong(mediaId.substring(8, 16), 16);
        long media = Long.parseLong(mediaId.substring(16), 16);
        if (user >= spec.users() || media >= spec.mediaPerUser()) {
            return Optional.empty();
        }
        return Optional.of(SyntheticMedia.build(this, (int) user, (int) media));
    }

    EmulatedUser user(int index) {
        String username = String.format("user%06d", index);
        return new EmulatedUser(userPrefix + String.format("%08x", index), username,
                HexIds.key("synthetic-key:" + spec.seed() + ":" + index), false);
    }

    String mediaId(int user, int media) {
        return mediaPrefix + String.format("%08x%08x", user, media);
    }

    /** The cached MD5 of a source, computed on first call. */
    String checksum(String mediaId, GeneratedContent source) {
        return checksums.computeIfAbsent(mediaId, id -> source.md5());
    }

    private int userIndex(String userId) {
        if (userId.length() != 24 || !userId.startsWith(userPrefix) || !HexIds.isId(userId)) {
            return -1;
        }
        long index = Long.parseLong(userId.substring(16), 16);
        return index < spec.users() ? (int) index : -1;
    }

    private static int checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
        }
        return index;
    }
}
