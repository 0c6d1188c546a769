package loomlab.engine;

import java.util.ArrayDeque;
import java.util.List;

/** Go's global run queue ({@code sched.runq}): unbounded, FIFO, under its own lock (GMP-01). */
final class GlobalRunQueue {
    /** Guards {@code queue} and the writes of {@code size}; taken before a P's queue lock. */
    private final SpinLock lock = new SpinLock();
    private final ArrayDeque<Goroutine> queue = new ArrayDeque<>();
    private volatile int size;

    void put(Goroutine g) {
        lock.lock();
        try {
            queue.addLast(g);
            size = queue.size();
        } finally {
            lock.unlock();
        }
    }

    void putAll(List<Goroutine> gs) {
        lock.lock();
        try {
            queue.addAll(gs);
            size = queue.size();
        } finally {
            lock.unlock();
        }
    }

    Goroutine poll() {
        lock.lock();
        try {
            Goroutine g = queue.pollFirst();
            size = queue.size();
            return g;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Go's {@code globrunqget}: one goroutine to run now, and up to
     * {@code min(size / procs + 1, 128) - 1} more into {@code p}'s local queue (GMP-05).
     */
    Goroutine pollBatch(Processor p, int procs) {
        lock.lock();
        try {
            int n = queue.size();
            if (n == 0) {
                return null;
            }
            int take = Math.min(n, Math.min(n / procs + 1, LocalRunQueue.CAPACITY / 2));
            Goroutine first = queue.pollFirst();
            List<Goroutine> rest = new java.util.ArrayList<>(take - 1);
            for (int i = 1; i < take; i++) {
                rest.add(queue.pollFirst());
            }
            size = queue.size();
            if (!rest.isEmpty()) {
                p.addAll(rest);
            }
            return first;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    List<Goroutine> snapshot() {
        lock.lock();
        try {
            return List.copyOf(queue);
        } finally {
            lock.unlock();
        }
    }
}
