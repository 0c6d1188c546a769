package loomlab.engine;

import java.util.ArrayDeque;
import java.util.List;
import loomlab.engine.events.Event;

/** Go's global run queue ({@code sched.runq}): unbounded, FIFO, under its own lock (GMP-01). */
final class GlobalRunQueue {
    /** Guards {@code queue} and the writes of {@code size}; taken before a P's queue lock. */
    private final SpinLock lock = new SpinLock();
    private final ArrayDeque<Goroutine> queue = new ArrayDeque<>();
    private volatile int size;
    /** The run to record queue moves in, or null when nobody listens. */
    private final Runtime tracer;

    GlobalRunQueue(Runtime runtime) {
        this.tracer = runtime.tracing ? runtime : null;
    }

    /**
     * Appends {@code g}. In a traced run the push is recorded while the queue is locked, so that
     * no M's pop of {@code g} is recorded before it.
     */
    void put(Goroutine g) {
        lock.lock();
        try {
            recordPush(g);
            queue.addLast(g);
            size = queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Appends {@code gs} in order, each recorded as {@link #put} records it. */
    void putAll(List<Goroutine> gs) {
        lock.lock();
        try {
            for (Goroutine g : gs) {
                recordPush(g);
            }
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
     * {@code min(size / procs + 1, 128) - 1} more into {@code p}'s local queue (GMP-05). In a
     * traced run the move of those more is recorded (a pop from here, a push there, by M
     * {@code m}) while this queue is locked; the one to run now is the caller's to record.
     */
    Goroutine pollBatch(Processor p, int procs, int m) {
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
                if (tracer != null) {
                    for (Goroutine g : rest) {
                        tracer.emit(null, p.id, m, new Event.GlobalPop(p.id, g.id));
                        tracer.emit(null, p.id, m, new Event.RunqPush(p.id, g.id, false));
                    }
                }
                p.addAll(rest);
            }
            return first;
        } finally {
            lock.unlock();
        }
    }

    private void recordPush(Goroutine g) {
        if (tracer != null) {
            tracer.emit(null, -1, -1, new Event.GlobalPush(g.id));
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
