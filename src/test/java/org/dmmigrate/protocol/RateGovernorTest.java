package org.dmmigrate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    void noPauseMeansNoWait() throws InterruptedException {
        FakeTime time = FakeTime.atEpochSecond(1000);
        RateGovernor governor = new RateGovernor(time);

        governor.awaitPermit(time);

        assertThat(time.sleeps()).isEmpty();
    }
}
