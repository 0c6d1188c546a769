package loomlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pending timers of one run: a binary min-heap by (when, seq), Go's per-P timer heap folded
 * into one. Timers fire in two ways, chosen by the run's clock:
 * <ul>
 * <li>real: a daemon platform thread waits until the earliest timer is due and fires it;</li>
 * <li>virtual: nothing fires until every goroutine is blocked; then {@link #fireNext()} moves the
 *     clock to the earliest timer and fires every timer due at that instant.</li>
 * </ul>
 * Firing runs each timer's action outside the lock. While a batch is being fired, {@code firing}
 * is non-zero, so that the deadlock detector does not see "no timers" between taking a timer off
 * the heap and the action waking its goroutine.
 */
final class TimerQueue {
    private final Clock clock;
    private final Runtime runtime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // Guarded by lock.
    private RuntimeTimer[] heap = new RuntimeTimer[16];
    private int size;
    private long nextSeq;
    private int firing;
    private Thread realThread;
    private boolean shutdown;

    TimerQueue(Clock clock, Runtime runtime) {
        this.clock = clock;
        this.runtime = runtime;
    }

    /** Sets {@code t} to fire at {@code when} (and every {@code period} after, if positive); true if it was pending. */
    boolean schedule(RuntimeTimer t, long when, long period) {
        lock.lock();
        try {
            boolean wasPending = t.heapIndex >= 0;
            if (wasPending) {
                removeAt(t.heapIndex);
            }
            t.when = when;
            t.period = period;
            t.seq = nextSeq++;
            t.gen++;
            add(t);
            if (clock instanceof Clock.Real) {
                startRealThread();
                if (t.heapIndex == 0) {
                    changed.signal();
                }
            }
            return wasPending;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Schedules {@code t} and counts {@code g} blocked for {@code reason}, both under this queue's
     * lock, so that nobody sees "every goroutine blocked, no timer pending" in between (which would
     * be a false deadlock). Returns whether every goroutine is now blocked.
     */
    boolean scheduleAndPark(RuntimeTimer t, long when, Goroutine g, WaitReason reason) {
        lock.lock();
        try {
            schedule(t, when, 0);
            return g.park(reason);
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code t} off the queue and ends its period; true if it was pending. */
    boolean cancel(RuntimeTimer t) {
        lock.lock();
        try {
            t.period = 0;
            t.gen++;
            if (t.heapIndex < 0) {
                return false;
            }
            removeAt(t.heapIndex);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** True when no timer is pending or being fired: only then can a blocked run be a deadlock. */
    boolean isIdle() {
        lock.lock();
        try {
            return size == 0 && firing == 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * True when no timer is pending or being fired and {@code condition} holds, all checked under
     * this queue's lock: a firing (which may wake a goroutine) and a sleep (which adds a timer and
     * parks) each happen wholly before or after, so a deadlock check cannot see half of one.
     */
    boolean idleAnd(java.util.function.BooleanSupplier condition) {
        lock.lock();
        try {
            return size == 0 && firing == 0 && condition.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }

    int pending() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Virtual clock: advances to the earliest pending timer and fires every timer due then.
     * Returns false when there is none.
     */
    boolean fireNext() {
        List<Due> due;
        long when;
        lock.lock();
        try {
            if (size == 0) {
                return false;
            }
            when = heap[0].when;
            if (when > clock.nanos()) {
                ((Clock.Virtual) clock).advanceTo(when);
                if (runtime.tracing) {
                    runtime.emit(null, new loomlab.engine.events.Event.ClockAdvance(when));
                }
            }
            due = takeDue(when);
        } finally {
            lock.unlock();
        }
        fire(due);
        return true;
    }

    void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A timer taken off the heap to fire, with its setting at that moment. */
    private record Due(RuntimeTimer timer, long when, long gen, boolean periodic) {
    }

    /** Takes every timer due at or before {@code now}. Lock held. */
    private List<Due> takeDue(long now) {
        List<Due> due = new ArrayList<>();
        while (size > 0 && heap[0].when <= now) {
            RuntimeTimer t = heap[0];
            removeAt(0);
            due.add(new Due(t, t.when, t.gen, t.period > 0));
        }
        firing++;
        return due;
    }

    private void fire(List<Due> due) {
        try {
            for (Due d : due) {
                if (d.periodic()) {
                    reschedulePeriodic(d.timer(), d.gen());
                }
                d.timer().action.fire(d.timer(), d.when(), d.gen());
            }
        } finally {
            lock.lock();
            firing--;
            lock.unlock();
        }
    }

    private void reschedulePeriodic(RuntimeTimer t, long gen) {
        lock.lock();
        try {
            if (t.gen != gen || t.heapIndex >= 0 || t.period <= 0) {
                return; // reset or stopped meanwhile
            }
            long now = clock.nanos();
            long next = t.when + t.period;
            if (next <= now) {
                next += t.period * (1 + (now - next) / t.period); // skip ticks we are late for
            }
            t.when = next;
            t.seq = nextSeq++;
            add(t);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- real clock

    private void startRealThread() {
        if (realThread == null && !shutdown) {
            realThread = Thread.ofPlatform().daemon().name("loomlab-timers").start(this::runReal);
        }
    }

    /** The real clock's timer thread: wait for the earliest timer, fire what is due, repeat. */
    private void runReal() {
        for (;;) {
            List<Due> due;
            lock.lock();
            try {
                for (;;) {
                    if (shutdown) {
                        return;
                    }
                    long now = clock.nanos();
                    if (size > 0 && heap[0].when <= now) {
                        due = takeDue(now);
                        break;
                    }
                    if (size == 0) {
                        changed.awaitUninterruptibly();
                    } else {
                        changed.await(heap[0].when - now, TimeUnit.NANOSECONDS);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            fire(due);
            runtime.timersFired();
        }
    }

    // ---------------------------------------------------------------- the heap

    private void add(RuntimeTimer t) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = t;
        t.heapIndex = size;
        size++;
        siftUp(t.heapIndex);
    }

    private void removeAt(int i) {
        RuntimeTimer removed = heap[i];
        size--;
        if (i != size) {
            heap[i] = heap[size];
            heap[i].heapIndex = i;
            heap[size] = null;
            siftDown(i);
            siftUp(i);
        } else {
            heap[size] = null;
        }
        removed.heapIndex = -1;
    }

    private static boolean less(RuntimeTimer a, RuntimeTimer b) {
        return a.when < b.when || (a.when == b.when && a.seq < b.seq);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(heap[i], heap[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        for (;;) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int min = left + 1 < size && less(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!less(heap[min], heap[i])) {
                return;
            }
            swap(i, min);
            i = min;
        }
    }

    private void swap(int a, int b) {
        RuntimeTimer t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
        heap[a].heapIndex = a;
        heap[b].heapIndex = b;
    }
}
