package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.CloudkeyApi;
import org.dmmigrate.protocol.FakeTime;
import org.dmmigrate.protocol.RateGovernor;
import org.dmmigrate.protocol.RetryPolicy;
import org.dmmigrate.protocol.Sleeper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RetryingCloudkeyApiTest {

    private static final Call CALL = Call.of("media.search");
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(1),
            Duration.ofSeconds(8), Duration.ofMinutes(1), Duration.ofSeconds(30));

    private final FakeTime time = FakeTime.atEpochSecond(1_000_000);
    private final RateGovernor governor = new RateGovernor(time);

    @Test
    void retryableFailuresAreRetriedWithJitteredBackoff() {
        Script script = new Script(transport(), transport(), "ok");

        Object result = retrying(script, POLICY).call(CALL);

        assertThat(result).isEqualTo("ok");
        assertThat(script.attempts).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void permanentFailureIsNotRetried() {
        Script script = new Script(CallError.of("media.info", 1010, "no such media", null));

        CallError error = catchThrowableOfType(CallError.class,
                () -> retrying(script, POLICY).call(CALL));

        assertThat(error.code()).isEqualTo(1010);
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        Script script = new Script(transport(), transport(), transport(), transport(), "late");

        CallError error = catchThrowableOfType(CallError.class,
                () -> retrying(script, POLICY).call(CALL));

        assertThat(error.attempts()).isEqualTo(4);
        assertThat(error.getMessage()).contains("after 4 attempts", "media.search");
        assertThat(script.attempts).hasSize(4);
    }

    @Test
    void noRetryStartsPastTheTotalTime() {
        Script script = new Script(transport(), transport(), transport(), "late");
        script.costPerAttempt = Duration.ofSeconds(35);

        CallError error = catchThrowableOfType(CallError.class,
                () -> retrying(script, POLICY).call(CALL));

        assertThat(error.attempts()).isEqualTo(2);
        assertThat(script.attempts).hasSize(2);
    }

    @Test
    void retryAfterIsObeyed() {
        CallError busy = CallError.badResponse("media.search", 503, "busy", null)
                .withHttp(503, Duration.ofSeconds(7));
        Script script = new Script(busy, "ok");

        retrying(script, POLICY).call(CALL);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void rateLimitPausesTheSharedGovernor() {
        CallError limited = CallError.of("media.search", 410, "rate limit", null)
                .withHttp(200, Duration.ofSeconds(5));
        Script script = new Script(limited, "ok");
        Instant start = time.instant();

        retrying(script, POLICY).call(CALL);

        assertThat(governor.nextAllowedAt()).isEqualTo(start.plusSeconds(5));
        assertThat(script.attempts).containsExactly(start, start.plusSeconds(5));
    }

    @Test
    void rateLimitPausesOthersEvenWhenThisCallGivesUp() {
        CallError limited = CallError.of("media.search", 410, "rate limit", null)
                .withHttp(200, Duration.ofSeconds(6));
        Instant start = time.instant();

        catchThrowableOfType(CallError.class,
                () -> retrying(new Script(limited), POLICY.withMaxAttempts(1)).call(CALL));

        assertThat(governor.nextAllowedAt()).isEqualTo(start.plusSeconds(6));
    }

    @Test
    void callsThroughTheSameGovernorWaitForAPause() {
        governor.pauseFor(Duration.ofSeconds(9));
        Instant start = time.instant();
        Script other = new Script("ok");

        retrying(other, POLICY).call(Call.of("user.search"));

        assertThat(other.attempts).containsExactly(start.plusSeconds(9));
    }

    @Test
    void aCallRefusedWhileAnotherIsThrottledAddsNoBackoffStep() {
        CallError limited = CallError.of("media.search", 410, "rate limit", null);
        AtomicInteger calls = new AtomicInteger();
        CloudkeyApi refusedWithAnotherWorker = call -> {
            if (calls.getAndIncrement() == 0) {
                governor.throttled(Duration.ZERO, true);
                throw limited;
            }
            return "ok";
        };

        retrying(refusedWithAnotherWorker, POLICY).call(CALL);

        // Step 1 (ceiling 1 s, jitter 0.5): the other worker's refusal was the first step.
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void workersBehindOneThrottledGovernorSendOneCallAtATimeUntilTheServiceAnswers()
            throws Exception {
        RateGovernor shared = RateGovernor.system();
        RetryPolicy quick = new RetryPolicy(20, Duration.ofMillis(20), Duration.ofMillis(50),
                Duration.ofMinutes(1), Duration.ofSeconds(1));
        Instant opens = Instant.now().plusMillis(300);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostRefusedAtOnce = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CloudkeyApi service = call -> {
            int now = inFlight.incrementAndGet();
            try {
                if (Instant.now().isBefore(opens)) {
                    mostRefusedAtOnce.accumulateAndGet(now, Math::max);
                    sleepQuietly(Duration.ofMillis(5));
                    refused.incrementAndGet();
                    throw CallError.of("media.get_assets", 410, "rate limit", null);
                }
                return "ok";
            } finally {
                inFlight.decrementAndGet();
            }
        };
        RetryingCloudkeyApi client = new RetryingCloudkeyApi(service, quick, shared,
                Clock.systemUTC(), Sleeper.system(), new Random(7));
        shared.throttled(Duration.ofMillis(10), true);
        ExecutorService workers = Executors.newFixedThreadPool(8);

        List<Future<@Nullable Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(workers.submit(() -> client.call(CALL)));
        }
        for (Future<@Nullable Object> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        workers.shutdown();

        assertThat(mostRefusedAtOnce.get()).isEqualTo(1);
        assertThat(refused.get()).isPositive();
    }

    @Test
    void interruptedThreadStartsNoAttempt() {
        Script script = new Script("ok");
        Thread.currentThread().interrupt();

        try {
            assertThatThrownBy(() -> retrying(script, POLICY).call(CALL))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("media.search");
        } finally {
            Thread.interrupted();
        }
        assertThat(script.attempts).isEmpty();
    }

    private RetryingCloudkeyApi retrying(CloudkeyApi delegate, RetryPolicy policy) {
        return new RetryingCloudkeyApi(delegate, policy, governor, time, time, half());
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CallError transport() {
        return CallError.transport("media.search", "connection reset", null);
    }

    private static RandomGenerator half() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is drawn");
            }

            @Override
            public double nextDouble() {
                return 0.5;
            }
        };
    }

    /** Plays errors and results in order and records when each attempt started. */
    private final class Script implements CloudkeyApi {

        private final Deque<Object> outcomes;
        private final List<Instant> attempts = new ArrayList<>();
        private Duration costPerAttempt = Duration.ZERO;

        Script(Object... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public @Nullable Object call(Call call) {
            attempts.add(time.instant());
            time.advance(costPerAttempt);
            Object outcome = outcomes.removeFirst();
            if (outcome instanceof CallError error) {
                throw error;
            }
            return outcome;
        }
    }
}
