package loomlab.exercises.grading;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many are inside something at once (workers in the work function, jobs taken but not yet
 * finished), and the most there ever were. Thread-safe: goroutines of a parallel run call it from
 * several carriers at once.
 */
public final class Gauge {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    /** One more inside; returns how many are inside now. */
    public int enter() {
        int n = now.incrementAndGet();
        most.accumulateAndGet(n, Math::max);
        return n;
    }

    /** One fewer inside. */
    public void exit() {
        now.decrementAndGet();
    }

    public int now() {
        return now.get();
    }

    /** The most that were ever inside at once. */
    public int most() {
        return most.get();
    }
}
