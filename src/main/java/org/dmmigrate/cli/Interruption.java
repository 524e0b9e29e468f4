package org.dmmigrate.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C and SIGTERM as a cancellation flag: the engine's workers stop between chunks and
 * keep their partial files; the JVM waits (a few seconds at most) for them to do so.
 */
final class Interruption implements BooleanSupplier, AutoCloseable {

    private static final long GRACE_SECONDS = 10;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "dmmigrate-interrupt");

    Interruption() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    private void stop() {
        requested.set(true);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run ended: a pending shutdown may proceed, and no hook is needed any more. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the latch is open.
        }
    }
}
