package loomlab.engine;

import java.util.ArrayDeque;
import java.util.List;

/** Go's global run queue ({@code sched.runq}): unbounded, FIFO, under its own lock (GMP-01). */
final class GlobalRunQueue {
    private final ArrayDeque<Goroutine> queue = new ArrayDeque<>();
    private volatile int size;

    synchronized void put(Goroutine g) {
        queue.addLast(g);
        size = queue.size();
    }

    synchronized void putAll(List<Goroutine> gs) {
        queue.addAll(gs);
        size = queue.size();
    }

    synchronized Goroutine poll() {
        Goroutine g = queue.pollFirst();
        size = queue.size();
        return g;
    }

    /**
     * Go's {@code globrunqget}: one goroutine to run now, and up to
     * {@code min(size / procs + 1, 128) - 1} more into {@code p}'s local queue (GMP-05).
     */
    synchronized Goroutine pollBatch(Processor p, int procs) {
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
    }

    boolean isEmpty() {
        return size == 0;
    }

    synchronized List<Goroutine> snapshot() {
        return List.copyOf(queue);
    }
}
