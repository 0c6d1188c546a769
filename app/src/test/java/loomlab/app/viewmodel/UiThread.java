package loomlab.app.viewmodel;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The "FX thread" of a ViewModel test without a screen: the test thread itself. Results posted to
 * {@link #executor()} wait in a queue until the test runs them in {@link #runUntil}, so properties
 * are only ever touched by the test thread, as they are only by the FX thread in the window.
 */
final class UiThread {
    private final BlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();

    Executor executor() {
        return posted::add;
    }

    /** Runs posted tasks until {@code done} holds; fails after {@code limit}. */
    void runUntil(BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not reached within " + limit);
            }
            Runnable task = posted.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)), TimeUnit.NANOSECONDS);
            if (task != null) {
                task.run();
            }
        }
    }

    void runUntil(BooleanSupplier done) throws InterruptedException {
        runUntil(done, Duration.ofSeconds(20));
    }
}
