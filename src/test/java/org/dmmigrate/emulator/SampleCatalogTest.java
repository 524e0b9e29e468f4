package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    private final Catalog catalog = SampleCatalog.create();

    private List<EmulatedMedia> allMedia() {
        List<EmulatedMedia> all = new ArrayList<>();
        catalog.users().forEach(user -> all.addAll(catalog.media(user.id())));
        return all;
    }

    private List<EmulatedAsset> allAssets() {
        return allMedia().stream().flatMap(media -> media.assets().values().stream()).toList();
    }

    private List<String> titles() {
        return allMedia().stream()
                .filter(media -> media.meta().containsKey("title"))
                .map(media -> (String) media.meta().get("title"))
                .toList();
    }

    @Test
    void idsAreUniqueLowercaseHex() {
        List<String> ids = new ArrayList<>();
        ids.add(catalog.admin().id());
        catalog.users().forEach(user -> ids.add(user.id()));
        allMedia().forEach(media -> ids.add(media.id()));

        assertThat(ids).allMatch(HexIds::isId).doesNotHaveDuplicates();
        assertThat(catalog.organisationId()).matches("[0-9a-f]{24}");
        assertThat(catalog.admin().apiKey()).matches("[0-9a-f]{40}");
        assertThat(catalog.users()).allMatch(user -> user.apiKey().matches("[0-9a-f]{40}"));
    }

    @Test
    void adminIsSeparateFromTheUsersAndMatchesTheConstants() {
        EmulatedUser admin = catalog.admin();

        assertThat(admin.admin()).isTrue();
        assertThat(admin.id()).isEqualTo(SampleCatalog.ADMIN_ID);
        assertThat(admin.apiKey()).isEqualTo(SampleCatalog.ADMIN_KEY);
        assertThat(catalog.organisationId()).isEqualTo(SampleCatalog.ORGANISATION_ID);
        assertThat(catalog.users()).noneMatch(EmulatedUser::admin)
                .extracting(EmulatedUser::id).doesNotContain(admin.id());
    }

    @Test
    void hasUsersOfEveryShape() {
        List<EmulatedUser> users = catalog.users();

        assertThat(users).hasSizeGreaterThanOrEqualTo(3);
        assertThat(users).extracting(EmulatedUser::username).contains("bob")
                .anyMatch(name -> name.contains("."));
        assertThat(users).anyMatch(user -> catalog.media(user.id()).isEmpty());
        assertThat(allMedia()).hasSizeGreaterThanOrEqualTo(25)
                .allMatch(media -> catalog.mediaById(media.id()).orElseThrow().equals(media));
    }

    @Test
    void bobHoldsTheSeedReadmeMedia() {
        EmulatedUser bob = catalog.users().stream()
                .filter(user -> user.username().equals("bob")).findFirst().orElseThrow();

        List<EmulatedMedia> media = catalog.media(bob.id());

        assertThat(media).extracting(EmulatedMedia::id)
                .containsExactly("531594c29473991c7f21e181", "1264cde462416235548e5f69");
        assertThat(media.get(0).meta()).containsEntry("title", "My holiday video (2014)");
        assertThat(media.get(0).assets()).containsOnlyKeys(
                "source", "mp4_h264_aac_hd", "jpeg_thumbnail_medium");
        assertThat(media.get(0).assets().get("source").properties())
                .containsEntry("container", "MPEG-4").containsEntry("file_extension", "mp4");
        assertThat(media.get(1).meta()).containsEntry("title", "Test video 42");
        assertThat(media.get(1).assets()).containsOnlyKeys("source", "jpeg_thumbnail_source");
        assertThat(media.get(1).assets().get("source").properties())
                .containsEntry("file_extension", "dat");
    }

    @Test
    void coversEveryAssetKind() {
        Set<String> readyFiles = allAssets().stream()
                .filter(asset -> asset.content() != null).map(EmulatedAsset::name)
                .collect(Collectors.toSet());
        Set<String> names = allAssets().stream().map(EmulatedAsset::name)
                .collect(Collectors.toSet());
        Set<Object> sourceExtensions = allAssets().stream()
                .filter(asset -> asset.name().equals("source"))
                .map(asset -> asset.properties().get("file_extension"))
                .collect(Collectors.toSet());

        assertThat(readyFiles).contains("source", "mp4_h264_aac", "mp4_h264_aac_ld",
                "mp4_h264_aac_hq", "mp4_h264_aac_hd", "jpeg_thumbnail_small",
                "jpeg_thumbnail_medium", "jpeg_thumbnail_large", "jpeg_thumbnail_source");
        assertThat(names).contains("abs", "abs_pr", "live");
        assertThat(sourceExtensions).contains("mp4", "mov", "dat", "flv", "mkv", "avi");
    }

    @Test
    void hasAssetsInEveryStatusWithOnlyTheirStatus() {
        Map<Object, List<EmulatedAsset>> byStatus = new HashMap<>();
        allAssets().forEach(asset -> byStatus.computeIfAbsent(
                asset.properties().get("status"), status -> new ArrayList<>()).add(asset));

        for (String status : List.of("error", "processing", "pending")) {
            assertThat(byStatus.get(status)).as(status).isNotEmpty().allSatisfy(asset -> {
                assertThat(asset.properties()).isEqualTo(Map.of("status", status));
                assertThat(asset.content()).isNull();
            });
        }
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder(
                "ready", "error", "processing", "pending");
    }

    @Test
    void hasRenditionsInContainersTheOriginalToolRejected() {
        Set<Object> containers = allAssets().stream()
                .filter(asset -> !asset.name().equals("source") && asset.content() != null)
                .map(asset -> asset.properties().get("container"))
                .collect(Collectors.toSet());

        assertThat(containers).contains("Flash Video", "QuickTime", "Matroska");
        assertThat(allAssets()).anyMatch(asset -> asset.name().equals("flv_h263_mp3")
                && "Flash Video".equals(asset.properties().get("container")));
    }

    @Test
    void hasAwkwardTitles() {
        List<String> titles = titles();

        assertThat(titles.size()).isGreaterThan(new HashSet<>(titles).size());
        assertThat(titles).contains("")
                .anyMatch(title -> title.chars().anyMatch(c -> c >= 0xC0 && c <= 0x17F))
                .anyMatch(title -> title.codePoints().anyMatch(
                        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .anyMatch(title -> title.codePoints().anyMatch(c -> c >= 0x1F300))
                .anyMatch(title -> title.contains("/"))
                .anyMatch(title -> title.contains(".."))
                .anyMatch(title -> title.getBytes(StandardCharsets.UTF_8).length > 255)
                .anyMatch(title -> title.contains("<script>alert(1)</script>"))
                .anyMatch(title -> title.contains("#") && title.contains("?")
                        && title.contains(" "))
                .anyMatch(title -> title.contains("\n"))
                .anyMatch(title -> title.chars().anyMatch(c -> c < 0x20 && c != '\n'));
        assertThat(allMedia()).anyMatch(media -> !media.meta().containsKey("title"));
        assertThat(titles.stream().map(String::toLowerCase).distinct().count())
                .isLessThan(titles.stream().distinct().count());
    }

    @Test
    void fileSizesAndChecksumsAreThoseOfTheBytes() throws IOException {
        for (EmulatedAsset asset : allAssets()) {
            if (asset.content() == null) {
                continue;
            }
            byte[] bytes = readAll(asset.content());

            assertThat(asset.properties().get("file_size")).as(asset.name())
                    .isEqualTo((long) bytes.length);
            assertThat(asset.content().length()).isEqualTo(bytes.length);
            if (asset.name().equals("source")) {
                assertThat(asset.properties().get("checksum"))
                        .isEqualTo(HexIds.md5Hex(bytes));
            } else {
                assertThat(asset.properties()).doesNotContainKey("checksum");
            }
        }
    }

    @Test
    void filesAreRealMediaOfTheirContainer() throws IOException {
        Map<String, byte[]> magic = Map.of(
                "Flash Video", "FLV".getBytes(StandardCharsets.US_ASCII),
                "Matroska", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3},
                "AVI", "RIFF".getBytes(StandardCharsets.US_ASCII),
                "MPEG-PS", new byte[] {0, 0, 1, (byte) 0xBA},
                "Windows Media", new byte[] {0x30, 0x26, (byte) 0xB2, 0x75},
                "JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Set<Object> checked = new HashSet<>();

        for (EmulatedAsset asset : allAssets()) {
            if (asset.content() == null) {
                continue;
            }
            Object container = asset.properties().get("container");
            byte[] bytes = readAll(asset.content());
            if (container.equals("MPEG-4") || container.equals("QuickTime")) {
                assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            } else {
                assertThat(bytes).as(asset.name() + " " + container).startsWith(
                        magic.get(container));
            }
            checked.add(container);
        }

        assertThat(checked).containsAll(magic.keySet()).contains("MPEG-4", "QuickTime");
    }

    @Test
    void openAtAnOffsetGivesTheRestOfTheBytes() throws IOException {
        Content content = catalog.mediaById(SampleCatalog.HOLIDAY_MEDIA_ID).orElseThrow()
                .assets().get("source").content();
        byte[] all = readAll(content);

        try (InputStream in = content.open(1000)) {
            assertThat(in.readAllBytes()).isEqualTo(
                    Arrays.copyOfRange(all, 1000, all.length));
        }
        try (InputStream in = content.open(all.length)) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void isDeterministic() {
        Catalog again = SampleCatalog.create();

        assertThat(again.users()).isEqualTo(catalog.users());
        assertThat(again.admin()).isEqualTo(catalog.admin());
        for (EmulatedUser user : catalog.users()) {
            assertThat(again.media(user.id())).isEqualTo(catalog.media(user.id()));
        }
    }

    @Test
    void listsEachUsersMediaNewestFirst() {
        for (EmulatedUser user : catalog.users()) {
            List<Long> created = catalog.media(user.id()).stream()
                    .map(EmulatedMedia::created).toList();

            assertThat(created).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    static byte[] readAll(Content content) throws IOException {
        try (InputStream in = content.open(0)) {
            return in.readAllBytes();
        }
    }
}
