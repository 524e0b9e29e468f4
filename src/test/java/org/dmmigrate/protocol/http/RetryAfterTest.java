package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dmmigrate.protocol.FakeTime;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final FakeTime time = FakeTime.atEpochSecond(1_330_359_891L);

    @Test
    void secondsAreADelay() {
        assertThat(RetryAfter.parse("120", time)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", time)).isEqualTo(Duration.ZERO);
    }

    @Test
    void httpDateIsADelayFromNow() {
        // 1330359891 is Mon, 27 Feb 2012 16:24:51 GMT
        assertThat(RetryAfter.parse("Mon, 27 Feb 2012 16:25:21 GMT", time))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 27 Feb 2012 16:00:00 GMT", time))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableIsNull() {
        assertThat(RetryAfter.parse(null, time)).isNull();
        assertThat(RetryAfter.parse("", time)).isNull();
        assertThat(RetryAfter.parse("soon", time)).isNull();
        assertThat(RetryAfter.parse("-5", time)).isNull();
    }

    @Test
    void hugeSecondsDoNotOverflow() {
        assertThat(RetryAfter.parse("99999999999999999999", time))
                .isGreaterThan(Duration.ofDays(365));
    }
}
