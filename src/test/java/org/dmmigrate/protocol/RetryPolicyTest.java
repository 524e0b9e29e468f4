package org.dmmigrate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(10, Duration.ofMillis(500),
            Duration.ofSeconds(4), Duration.ofMinutes(1), Duration.ofSeconds(30));

    @Test
    void backoffCeilingDoublesUpToTheCap() {
        RandomGenerator almostOne = fixed(0.999_999_999);

        assertThat(POLICY.delayAfter(1, null, almostOne)).isBetween(ms(499), ms(500));
        assertThat(POLICY.delayAfter(2, null, almostOne)).isBetween(ms(999), ms(1000));
        assertThat(POLICY.delayAfter(3, null, almostOne)).isBetween(ms(1999), ms(2000));
        assertThat(POLICY.delayAfter(4, null, almostOne)).isBetween(ms(3999), ms(4000));
        assertThat(POLICY.delayAfter(9, null, almostOne)).isBetween(ms(3999), ms(4000));
        assertThat(POLICY.delayAfter(200, null, almostOne)).isBetween(ms(3999), ms(4000));
    }

    @Test
    void fullJitterScalesTheCeilingByTheRandomDraw() {
        assertThat(POLICY.delayAfter(3, null, fixed(0.25))).isEqualTo(ms(500));
        assertThat(POLICY.delayAfter(3, null, fixed(0.0))).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterIsHonouredAndCapped() {
        assertThat(POLICY.delayAfter(1, Duration.ofSeconds(7), fixed(0.5)))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(POLICY.delayAfter(1, Duration.ofHours(1), fixed(0.5)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(POLICY.delayAfter(1, Duration.ofSeconds(-3), fixed(0.5)))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> POLICY.withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseDelay");
    }

    @Test
    void noneMeansOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.defaults().maxAttempts()).isGreaterThan(1);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is drawn");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
