package org.dmmigrate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateGovernorTest {

    @Test
    void pauseHoldsCallsUntilItEnds() throws InterruptedException {
        FakeTime time = FakeTime.atEpochSecond(1000);
        RateGovernor governor = new RateGovernor(time);
        governor.pauseFor(Duration.ofSeconds(5));

        governor.awaitPermit(time);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
        assertThat(governor.remainingPause()).isZero();
    }

    @Test
    void shorterPauseNeverShortensALongerOne() {
        FakeTime time = FakeTime.atEpochSecond(1000);
        RateGovernor governor = new RateGovernor(time);

        governor.pauseFor(Duration.ofSeconds(10));
        governor.pauseFor(Duration.ofSeconds(2));

        assertThat(governor.remainingPause()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void afterAThrottleOneCallerProbesAndTheOthersWaitForItsAnswer()
            throws InterruptedException {
        FakeTime time = FakeTime.atEpochSecond(1000);
        RateGovernor governor = new RateGovernor(time);
        governor.throttled(Duration.ofSeconds(2), true);
        List<Duration> waits = new ArrayList<>();
        Sleeper answeredDuringTheFirstPoll = duration -> {
            waits.add(duration);
            time.sleep(duration);
            if (duration.equals(RateGovernor.PROBE_POLL)) {
                governor.answered();
            }
        };

        boolean first = governor.awaitPermit(time);
        boolean second = governor.awaitPermit(answeredDuringTheFirstPoll);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(time.sleeps()).startsWith(Duration.ofSeconds(2));
        assertThat(waits).containsExactly(RateGovernor.PROBE_POLL);
    }

    @Test
    void aThrottledProbeHandsTheProbeOnAfterTheNextPause() throws InterruptedException {
        FakeTime time = FakeTime.atEpochSecond(1000);
        RateGovernor governor = new RateGovernor(time);
        governor.throttled(Duration.ofSeconds(1), true);
        governor.awaitPermit(time);

        governor.throttled(Duration.ofSeconds(3), true);
        boolean next = governor.awaitPermit(time);

        assertThat(next).isTrue();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void streakCountsEscalatingThrottlesOfAllCallersUntilAnAnswer() {
        RateGovernor governor = new RateGovernor(FakeTime.atEpochSecond(1000));
        governor.throttled(Duration.ZERO, true);
        governor.throttled(Duration.ZERO, false);
        governor.throttled(Duration.ZERO, false);
        governor.throttled(Duration.ZERO, true);
        int during = governor.streak();
        boolean probingDuring = governor.probing();

        governor.answered();

        assertThat(during).isEqualTo(2);
        assertThat(probingDuring).isTrue();
        assertThat(governor.streak()).isZero();
        assertThat(governor.probing()).isFalse();
    }

    @Test
    void anAbandonedProbeLetsTheNextCallerProbe() throws InterruptedException {
        FakeTime time = FakeTime.atEpochSecond(1000);
        RateGovernor governor = new RateGovernor(time);
        governor.throttled(Duration.ofSeconds(1), true);
        governor.awaitPermit(time);

        governor.abandoned();
        boolean next = governor.awaitPermit(time);

        assertThat(next).isTrue();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void noPauseMeansNoWait() throws InterruptedException {
        FakeTime time = FakeTime.atEpochSecond(1000);
        RateGovernor governor = new RateGovernor(time);

        governor.awaitPermit(time);

        assertThat(time.sleeps()).isEmpty();
    }
}
