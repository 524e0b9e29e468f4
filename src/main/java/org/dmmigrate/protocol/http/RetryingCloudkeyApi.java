package org.dmmigrate.protocol.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.random.RandomGenerator;
import org.dmmigrate.protocol.Call;
import org.dmmigrate.protocol.CallError;
import org.dmmigrate.protocol.CloudkeyApi;
import org.dmmigrate.protocol.ErrorKind;
import org.dmmigrate.protocol.RateGovernor;
import org.dmmigrate.protocol.RetryPolicy;
import org.dmmigrate.protocol.Sleeper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the retryable {@link CallError}s of another {@link CloudkeyApi} under a
 * {@link RetryPolicy}; the only retry loop of the client. A rate-limit error (410, or HTTP
 * 429) pauses every call sharing the same {@link RateGovernor}, even when this call gives
 * up, for a backoff that grows with the governor's streak of throttled answers; every answer
 * is reported to the governor, which lets one probe through after a pause. Thread-safe when
 * the delegate and the random generator are; no attempt starts once the thread is
 * interrupted.
 */
public final class RetryingCloudkeyApi implements CloudkeyApi {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingCloudkeyApi.class);

    private final CloudkeyApi delegate;
    private final RetryPolicy policy;
    private final RateGovernor governor;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public RetryingCloudkeyApi(CloudkeyApi delegate, RetryPolicy policy, RateGovernor governor,
            Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.governor = Objects.requireNonNull(governor, "governor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Calls the delegate until it succeeds, fails permanently, or the policy gives up.
     *
     * @throws CallError the last error, with its attempt count
     * @throws CancellationException when the thread is interrupted while waiting
     */
    @Override
    public @Nullable Object call(Call call) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            boolean probe = awaitTurn(call, attempt);
            try {
                Object result = delegate.call(call);
                governor.answered();
                return result;
            } catch (CallError error) {
                // A throttle backs off on the governor's shared count, not on this thread's;
                // calls refused while another probes were in flight and escalate nothing.
                boolean escalates = probe || !governor.probing();
                int step = !isThrottling(error) ? attempt
                        : governor.streak() + (escalates ? 1 : 0);
                Duration delay = policy.delayAfter(step, error.retryAfter(), random);
                if (isThrottling(error)) {
                    governor.throttled(delay, escalates);
                } else {
                    governor.answered();
                }
                giveUpIfDone(error, attempt, start, delay);
                LOG.debug("retrying api call call={} act_as={} attempt={} delay={}s reason={}",
                        call.name(), call.actAs(), attempt + 1, seconds(delay), reason(error));

                if (!isThrottling(error)) {
                    sleep(call, delay, attempt);
                }
            } catch (RuntimeException | Error e) {
                // No answer: hand the probe on, or every other caller would wait for ever.
                if (probe) {
                    governor.abandoned();
                }
                throw e;
            }
        }
    }

    private static boolean isThrottling(CallError error) {
        Integer status = error.httpStatus();
        return error.kind() == ErrorKind.RATE_LIMIT || status != null && status == 429;
    }

    private void giveUpIfDone(CallError error, int attempt, Instant start, Duration delay) {
        if (!error.isRetryable() || attempt >= policy.maxAttempts()) {
            throw error.afterAttempts(attempt);
        }

        Duration elapsed = Duration.between(start, clock.instant());
        if (elapsed.plus(delay).compareTo(policy.maxTotalTime()) > 0) {
            throw error.afterAttempts(attempt);
        }
    }

    private boolean awaitTurn(Call call, int attempt) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("call " + call.name() + " cancelled before attempt "
                    + attempt);
        }
        try {
            return governor.awaitPermit(sleeper);
        } catch (InterruptedException e) {
            throw cancelled(call, attempt, e);
        }
    }

    private void sleep(Call call, Duration delay, int attempt) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            throw cancelled(call, attempt + 1, e);
        }
    }

    private static CancellationException cancelled(Call call, int attempt,
            InterruptedException cause) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException("call " + call.name()
                + " cancelled while waiting for attempt " + attempt);
        cancelled.initCause(cause);
        return cancelled;
    }

    private static String seconds(Duration delay) {
        return String.format(Locale.ROOT, "%.1f", delay.toMillis() / 1000.0);
    }

    private static String reason(CallError error) {
        return error.code() + "/" + error.kind()
                + (error.httpStatus() != null ? "/http" + error.httpStatus() : "");
    }
}
