package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.dmmigrate.emulator.SyntheticCatalog;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.Credentials;
import org.dmmigrate.protocol.ErrorKind;
import org.dmmigrate.protocol.PageIterator;
import org.dmmigrate.protocol.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real client over HTTP against the emulator: no mocked transport. */
class ClientAgainstEmulatorIT {

    private Emulator emulator;

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void adminReadsItsOrganisation() {
        HttpCloudkeyClient client = adminClient(SampleCatalog.create());

        Object result = client.call(Call.of("organisation.get"));

        assertThat(result).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) result).get("id")).isEqualTo(SampleCatalog.ORGANISATION_ID);
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorThatIsNotRetried() {
        emulator = start(SampleCatalog.create());
        HttpCloudkeyClient client = new HttpCloudkeyClient(ClientConfig.of(emulator.baseUrl(),
                new Credentials(SampleCatalog.ADMIN_ID, "0".repeat(40))));

        assertThatThrownBy(() -> client.call(Call.of("organisation.get")))
                .isInstanceOfSatisfying(CallError.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(error.isRetryable()).isFalse();
                    assertThat(error.getMessage()).doesNotContain("0".repeat(40));
                });
        assertThat(emulator.recorder().calls("organisation.get")).hasSize(1);
    }

    @Test
    void unknownMethodObjectAndIdMapToTheirKinds() {
        HttpCloudkeyClient client = adminClient(SampleCatalog.create());

        assertThat(kindOf(client, Call.of("media.nosuch"))).isEqualTo(ErrorKind.INVALID_METHOD);
        assertThat(kindOf(client, Call.of("nosuch.list"))).isEqualTo(ErrorKind.INVALID_OBJECT);
        assertThat(kindOf(client, Call.of("media.info", Map.of("id", "f".repeat(24)))
                .actingAs(SampleCatalog.BOB_ID))).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(kindOf(client, Call.of("media.info", Map.of("id", "short"))
                .actingAs(SampleCatalog.BOB_ID))).isEqualTo(ErrorKind.INVALID_PARAMETER);
    }

    @Test
    void actingAsEachUserConcurrentlySeesOnlyThatUsersMedia() throws Exception {
        Catalog catalog = SampleCatalog.create();
        HttpCloudkeyClient client = adminClient(catalog);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> counts = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();

        for (int round = 0; round < 5; round++) {
            for (EmulatedUser user : catalog.users()) {
                expected.add(catalog.media(user.id()).size());
                counts.add(pool.submit(() -> count(client, Call.of("media.search",
                        Map.of("fields", List.of("id"))).actingAs(user.id()), 7)));
            }
        }

        List<Integer> actual = new ArrayList<>();
        for (Future<Integer> count : counts) {
            actual.add(count.get());
        }
        pool.shutdown();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void bothPaginationShapesWalkALargeListingOnce() {
        Catalog catalog = SyntheticCatalog.create(1, 250, 10, 10, 3);
        HttpCloudkeyClient client = adminClient(catalog);
        String userId = catalog.users().get(0).id();

        int searched = count(client, Call.of("media.search", Map.of("fields", List.of("id")))
                .actingAs(userId), 100);
        int listed = count(client, Call.of("media.list", Map.of("fields", List.of("id")))
                .actingAs(userId), 100);

        assertThat(searched).isEqualTo(250);
        assertThat(listed).isEqualTo(250);
    }

    @Test
    void pageSizeAboveTheCapIsRefused() {
        HttpCloudkeyClient client = adminClient(SampleCatalog.create());

        ErrorKind kind = kindOf(client, Call.of("media.search", Map.of("per_page", 101))
                .actingAs(SampleCatalog.BOB_ID));

        assertThat(kind).isEqualTo(ErrorKind.INVALID_PARAMETER);
    }

    @Test
    void rateLimitIsRetriedUntilTheCallSucceeds() {
        emulator = Emulator.builder().catalog(SampleCatalog.create()).port(0)
                .faults(org.dmmigrate.emulator.FaultPlan.parse(
                        List.of("rate-limit:calls=2,window=1s"), 5))
                .build();
        emulator.start();
        HttpCloudkeyClient client = new HttpCloudkeyClient(ClientConfig.of(emulator.baseUrl(),
                new Credentials(SampleCatalog.ADMIN_ID, SampleCatalog.ADMIN_KEY))
                .withRetryPolicy(new RetryPolicy(10, Duration.ofMillis(100),
                        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2))));

        for (int i = 0; i < 6; i++) {
            assertThat(client.call(Call.of("organisation.get"))).isNotNull();
        }

        assertThat(emulator.recorder().calls("organisation.get").size()).isGreaterThan(6);
    }

    private static int count(HttpCloudkeyClient client, Call call, int perPage) {
        int count = 0;
        PageIterator pages = new PageIterator(client, call, perPage);
        while (pages.hasNext()) {
            pages.next();
            count++;
        }
        return count;
    }

    private static ErrorKind kindOf(HttpCloudkeyClient client, Call call) {
        try {
            client.call(call);
        } catch (CallError error) {
            return error.kind();
        }
        throw new AssertionError("no error for " + call.name());
    }

    private HttpCloudkeyClient adminClient(Catalog catalog) {
        emulator = start(catalog);
        return new HttpCloudkeyClient(ClientConfig.of(emulator.baseUrl(),
                new Credentials(catalog.admin().id(), catalog.admin().apiKey())));
    }

    private static Emulator start(Catalog catalog) {
        Emulator emulator = Emulator.builder().catalog(catalog).port(0).build();
        emulator.start();
        return emulator;
    }
}
