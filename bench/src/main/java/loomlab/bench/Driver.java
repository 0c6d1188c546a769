package loomlab.bench;

import java.util.function.LongSupplier;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;

/**
 * Where a workload runs. Every peer runs the whole workload, its driver included, on virtual
 * threads, as Go runs it on goroutines: the engine as goroutine 1 of a fresh {@link Runtime}
 * (one run per JMH invocation), Jox and the JDK queues on one plain virtual thread. The JMH
 * thread only starts the driver and waits for it, so both kinds pay the same start and join.
 * Each workload returns a checksum of what it received, which JMH consumes.
 */
final class Driver {
    /** A Jox or JDK workload, or one of its threads: it may block and be interrupted. */
    @FunctionalInterface
    interface Blocking {
        void run() throws InterruptedException;
    }

    /** The driver of a Jox or JDK workload; returns its checksum. */
    @FunctionalInterface
    interface Workload {
        long run() throws InterruptedException;
    }

    private Driver() {
    }

    /** Runs {@code main} as goroutine 1 of a new run with the default settings (the GMP scheduler). */
    static long onEngine(LongSupplier main) {
        return onEngine(Runtime.builder().recordCreators(false), true, main);
    }

    /** Runs {@code main} as goroutine 1 of a new run with {@code setup}'s scheduler and listener. */
    static long onEngine(EngineSetup setup, LongSupplier main) {
        return onEngine(setup.builder(), setup.wantsGmp(), main);
    }

    /**
     * Runs {@code main} as goroutine 1 of a run built by {@code builder}; fails if the run did not
     * exit normally, or if {@code gmp} asks for the engine's scheduler and the run fell back to the JDK's.
     */
    static long onEngine(Runtime.Builder builder, boolean gmp, LongSupplier main) {
        long[] checksum = new long[1];
        Runtime runtime = builder.build();
        if (gmp && !runtime.ownsScheduling()) {
            throw new IllegalStateException("the engine fell back to the JDK's scheduler: run java with "
                    + "--add-opens java.base/java.lang=ALL-UNNAMED");
        }
        RunResult r = runtime.start(() -> checksum[0] = main.getAsLong());
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("the engine run ended with status " + r.exitStatus() + ":\n" + r.report());
        }
        return checksum[0]; // written before main returned, which happens-before start() returns
    }

    /** Runs {@code main} on a new virtual thread and waits for it. */
    static long onVirtualThread(Workload main) throws InterruptedException {
        long[] checksum = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread driver = Thread.ofVirtual().name("driver").start(() -> {
            try {
                checksum[0] = main.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        driver.join();
        if (failure[0] != null) {
            throw new IllegalStateException("the workload failed", failure[0]);
        }
        return checksum[0];
    }

    /** Starts a virtual thread for a Jox or JDK workload. Nothing interrupts them; if it happens, it is a bug. */
    static Thread startVirtual(Blocking body) {
        return Thread.ofVirtual().start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException("benchmark threads are never interrupted", e);
            }
        });
    }

    static void joinAll(Iterable<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }
}
