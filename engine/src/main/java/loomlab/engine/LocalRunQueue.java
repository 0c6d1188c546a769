package loomlab.engine;

import java.util.List;

/**
 * A P's local run queue: a bounded ring of 256 goroutines (Go's {@code p.runq}, GMP-01). Guarded
 * by the monitor of its {@link Processor}; Go's is lock-free, ours takes the P's lock because a
 * learner should be able to read it and because it is short.
 */
final class LocalRunQueue {
    static final int CAPACITY = 256;

    private final Goroutine[] ring = new Goroutine[CAPACITY];
    private int head;
    private int size;

    boolean offer(Goroutine g) {
        if (size == CAPACITY) {
            return false;
        }
        ring[(head + size) & (CAPACITY - 1)] = g;
        size++;
        return true;
    }

    Goroutine poll() {
        if (size == 0) {
            return null;
        }
        Goroutine g = ring[head];
        ring[head] = null;
        head = (head + 1) & (CAPACITY - 1);
        size--;
        return g;
    }

    /** Moves the first {@code n} goroutines into {@code out}. */
    void drainTo(List<Goroutine> out, int n) {
        for (int i = 0; i < n && size > 0; i++) {
            out.add(poll());
        }
    }

    int size() {
        return size;
    }

    /** Oldest first; for snapshots. */
    void copyTo(List<Goroutine> out) {
        for (int i = 0; i < size; i++) {
            out.add(ring[(head + i) & (CAPACITY - 1)]);
        }
    }
}
