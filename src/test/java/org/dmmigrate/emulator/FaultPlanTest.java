package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void parsesTheCommandLineGrammar() {
        FaultPlan plan = FaultPlan.parse(List.of("reset:p=0.1,after=64k",
                "rate-limit:calls=50,window=10s", "stall:every=3,target=source,for=forever",
                "http-error:on=api,status=502,times=2"), 7);

        List<Fault> faults = plan.faults();

        assertThat(faults).hasSize(4);
        assertThat(faults.get(0).kind()).isEqualTo(FaultKind.RESET);
        assertThat(faults.get(0).probability()).isEqualTo(0.1);
        assertThat(faults.get(0).bytes("after", 0)).isEqualTo(65536);
        assertThat(faults.get(1).integer("calls", 0)).isEqualTo(50);
        assertThat(faults.get(1).duration("window")).isEqualTo(Duration.ofSeconds(10));
        assertThat(faults.get(2).every()).isEqualTo(3);
        assertThat(faults.get(2).target()).isEqualTo("source");
        assertThat(faults.get(2).duration("for")).isNull();
        assertThat(faults.get(3).times()).isEqualTo(2);
        assertThat(faults.get(3).params()).containsEntry("status", "502");
    }

    @Test
    void refusesAnUnknownKindNamingIt() {
        assertThatThrownBy(() -> FaultPlan.parse(List.of("explode:p=1"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explode");
    }

    @Test
    void refusesAProbabilityAboveOne() {
        assertThatThrownBy(() -> Fault.parse("reset:p=2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }

    @Test
    void firesOnEveryNthMatchingRequestOnly() {
        FaultPlan plan = new FaultPlan(1).add(Fault.parse("reset:every=3,target=source"));

        List<Boolean> fired = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fired.add(plan.fire(FaultKind.RESET, "cdn", "source").isPresent());
            plan.fire(FaultKind.RESET, "cdn", "mp4_h264_aac");
        }

        assertThat(fired).containsExactly(false, false, true, false, false, true);
    }

    @Test
    void repeatsTheSameFiringsUnderTheSameSeed() {
        List<Boolean> first = firings(42);
        List<Boolean> second = firings(42);
        List<Boolean> other = firings(43);

        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(other);
        assertThat(first).contains(true, false);
    }

    @Test
    void stopsAfterTimesFirings() {
        FaultPlan plan = new FaultPlan(1).add(Fault.always(FaultKind.EXPIRE, Map.of())
                .limitedTo(2));

        int fired = 0;
        for (int i = 0; i < 5; i++) {
            fired += plan.fire(FaultKind.EXPIRE, "cdn", "source").isPresent() ? 1 : 0;
        }

        assertThat(fired).isEqualTo(2);
        assertThat(plan.fired(FaultKind.EXPIRE)).isEqualTo(2);
    }

    @Test
    void limitsCallsPerWindow() {
        FaultPlan plan = FaultPlan.parse(List.of("rate-limit:calls=2,window=1s"), 1);

        boolean first = plan.rateLimited("media.info", 10_000);
        boolean second = plan.rateLimited("media.info", 10_100);
        boolean third = plan.rateLimited("media.info", 10_200);
        boolean nextWindow = plan.rateLimited("media.info", 11_000);

        assertThat(List.of(first, second, third, nextWindow))
                .containsExactly(false, false, true, false);
    }

    private static List<Boolean> firings(long seed) {
        FaultPlan plan = FaultPlan.parse(List.of("corrupt:p=0.5"), seed);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(plan.fire(FaultKind.CORRUPT, "cdn", "source").isPresent());
        }
        return out;
    }
}
