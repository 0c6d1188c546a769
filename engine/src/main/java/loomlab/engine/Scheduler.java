package loomlab.engine;

import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;

/**
 * Decides where and when the goroutines of one run execute. Goroutines are virtual threads; the
 * JDK hands a scheduler each goroutine's continuation whenever the goroutine becomes runnable
 * (started, unparked, yielded), and the scheduler runs it on a carrier of its choice.
 *
 * <ul>
 * <li>{@link GmpScheduler}: Go's G-M-P model with real carrier threads (the default);</li>
 * <li>{@link DeterministicScheduler}: one carrier, one goroutine at a time, a seeded policy;</li>
 * <li>{@link JdkScheduler}: the JDK's own scheduler, when the hook below is not available.</li>
 * </ul>
 *
 * <h2>The hook</h2>
 * {@code java.lang.ThreadBuilders$VirtualThreadBuilder} has a constructor taking an
 * {@link Executor}: every virtual thread built by it is scheduled by that executor. It is not
 * public API; it is reached by reflection and needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (the launcher, the runner and the tests
 * pass it). Without it the engine falls back to the JDK's scheduler and says so once.
 */
abstract sealed class Scheduler permits OwnScheduler, JdkScheduler {
    private static final Constructor<?> BUILDER = findBuilder();
    private static volatile boolean warned;

    /** A new, unstarted virtual thread for {@code g}, scheduled by this scheduler. */
    abstract Thread newThread(Goroutine g, Runnable body);

    /** Starts {@code g}'s thread; its first continuation reaches this scheduler. */
    abstract void start(Goroutine g);

    /**
     * A point where the scheduler may switch goroutines: every engine operation passes here. Only
     * the deterministic scheduler uses it.
     */
    void switchPoint(Goroutine g) {
    }

    /** {@code g} enters a blocking call the engine knows of (Go's {@code entersyscall}). */
    void enterSyscall(Goroutine g) {
    }

    /** {@code g} returns from that call (Go's {@code exitsyscall}). */
    void exitSyscall(Goroutine g) {
    }

    /**
     * Whether {@code g}, about to park on a partner, should first spin a little: only when the
     * partner could be running on another carrier right now (see {@link Waiter#await()}).
     */
    boolean spinBeforePark(Goroutine g) {
        return false;
    }

    /** The run is over: stop the carriers. */
    void shutdown() {
    }

    /** Whether goroutines are scheduled by LoomLab (P queues exist) rather than by the JDK. */
    abstract boolean ownsScheduling();

    static boolean hookAvailable() {
        return BUILDER != null;
    }

    /** A virtual-thread builder whose threads {@code executor} schedules, or null without the hook. */
    static Thread.Builder.OfVirtual builder(Executor executor) {
        if (BUILDER == null) {
            return null;
        }
        try {
            return (Thread.Builder.OfVirtual) BUILDER.newInstance(executor);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Says once per JVM that the JDK's scheduler is used instead of ours. */
    static void warnFallback() {
        if (!warned) {
            warned = true;
            System.err.println("loomlab: the JDK's virtual-thread scheduler hook is not open "
                    + "(run java with --add-opens java.base/java.lang=ALL-UNNAMED); goroutines are scheduled "
                    + "by the JDK, and the scheduler view shows their states without P queues");
        }
    }

    private static Constructor<?> findBuilder() {
        try {
            Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> k = c.getDeclaredConstructor(Executor.class);
            k.setAccessible(true);
            return k;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
