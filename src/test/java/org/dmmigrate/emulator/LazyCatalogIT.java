package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A listing touches only the media of the requested page, so huge lazy catalogs stay cheap. */
class LazyCatalogIT {

    private static final int COUNT = 1_000_000;

    @Test
    void searchTouchesOnlyTheRequestedPageOfALazyCatalog() {
        LazyCatalog catalog = new LazyCatalog();
        try (Emulator emulator = Emulator.builder().catalog(catalog).port(0).build().start()) {
            TestApi api = new TestApi(emulator);

            JsonNode page = api.result(TestCatalog.ADMIN, TestCatalog.ALICE, "media.search",
                    TestApi.args().put("page", 5000).put("per_page", 100));

            assertThat(page.get("total").asInt()).isEqualTo(COUNT);
            assertThat(page.get("pages").asInt()).isEqualTo(10_000);
            assertThat(page.get("list").get(0).get("id").asText()).isEqualTo(id(499_900));
            assertThat(catalog.touched.get()).isEqualTo(100);
        }
    }

    private static String id(int index) {
        return String.format("7%023x", index);
    }

    /** One user with a million media computed on demand, counting what is computed. */
    private static final class LazyCatalog implements Catalog {
        private final AtomicInteger touched = new AtomicInteger();

        @Override
        public String organisationId() {
            return TestCatalog.ORG;
        }

        @Override
        public String organisationName() {
            return "Lazy";
        }

        @Override
        public EmulatedUser admin() {
            return TestCatalog.ADMIN;
        }

        @Override
        public List<EmulatedUser> users() {
            return List.of(TestCatalog.ALICE);
        }

        @Override
        public List<EmulatedMedia> media(String userId) {
            if (!userId.equals(TestCatalog.ALICE.id())) {
                return List.of();
            }
            return new AbstractList<>() {
                @Override
                public EmulatedMedia get(int index) {
                    touched.incrementAndGet();
                    return new EmulatedMedia(id(index), TestCatalog.ALICE.id(), 2_000_000_000L
                            - index, Map.of("title", "Media " + index), Map.of());
                }

                @Override
                public int size() {
                    return COUNT;
                }
            };
        }

        @Override
        public Optional<EmulatedMedia> mediaById(String mediaId) {
            return Optional.empty();
        }
    }
}
