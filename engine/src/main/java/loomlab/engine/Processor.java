package loomlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A P of Go's G-M-P model: the right to run goroutines, with a {@code runnext} slot and a local
 * run queue (GMP-01, GMP-02). An M must hold a P to run goroutines.
 *
 * <p>Guarded by this object's monitor: {@code runnext}, {@code runnextStamp}, {@code runq},
 * {@code syscallG}, {@code syscallSince}, {@code owner}, and the writes of {@code gets}, which
 * thieves read without it. {@code schedtick} is written only by the owning M.
 */
final class Processor {
    final int id;
    private Goroutine runnext;
    /** Counts runnext puts, so a thief can tell whether the same goroutine has waited there a while. */
    private long runnextStamp;
    private final LocalRunQueue runq = new LocalRunQueue();
    /** The goroutine of this P that is in a syscall (Go's {@code _Psyscall}), or null. */
    Goroutine syscallG;
    /** When {@code syscallG} entered its syscall ({@code Clock.SYSTEM} nanos, for sysmon). */
    long syscallSince;
    /** The M holding this P, or null when the P is idle. */
    Machine owner;
    int schedtick;
    /**
     * How many goroutines wait here (runnext included): written under the monitor, read without it
     * by thieves so that an empty P costs them no lock.
     */
    private volatile int queued;
    /**
     * Counts {@link #get()}s: a thief that sees it unchanged look after look knows that the owner
     * is busy with one goroutine and the queue waits ({@link StealWatch}). Opaque accesses: a
     * thief needs a recent count, not a fence.
     */
    private int gets;

    private static final VarHandle GETS;

    static {
        try {
            GETS = MethodHandles.lookup().findVarHandle(Processor.class, "gets", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Processor(int id) {
        this.id = id;
    }

    /**
     * Go's {@code runqput}: into {@code runnext} (kicking the old one to the tail) or the tail.
     * Returns the goroutines that must go to the global queue because the ring is full (GMP-04),
     * or null.
     */
    synchronized List<Goroutine> put(Goroutine g, boolean next) {
        if (next) {
            Goroutine old = runnext;
            runnext = g;
            runnextStamp++;
            if (old == null) {
                queued++;
                return null;
            }
            g = old;
        }
        if (runq.offer(g)) {
            queued++;
            return null;
        }
        List<Goroutine> overflow = new ArrayList<>(LocalRunQueue.CAPACITY / 2 + 1);
        runq.drainTo(overflow, LocalRunQueue.CAPACITY / 2);
        overflow.add(g);
        queued -= LocalRunQueue.CAPACITY / 2;
        return overflow;
    }

    /** Go's {@code runqget}: runnext first, then the head of the ring. */
    synchronized Goroutine get() {
        if (queued == 0) {
            return null;
        }
        Goroutine g = runnext;
        if (g != null) {
            runnext = null;
        } else {
            g = runq.poll();
        }
        GETS.setOpaque(this, gets + 1);
        queued--;
        return g;
    }

    /** How many goroutines the owner has taken from this P; read by thieves without the monitor. */
    int gets() {
        return (int) GETS.getOpaque(this);
    }

    /** How many goroutines wait here, runnext included. */
    int queued() {
        return queued;
    }

    /** Whether {@link #get()} would find a goroutine. */
    boolean hasWork() {
        return queued > 0;
    }

    synchronized long runnextStamp() {
        return runnextStamp;
    }

    /** Whether runnext holds a goroutine and the ring is empty: the only thing a thief could take is runnext. */
    boolean onlyRunnext() {
        return queued == 1;
    }

    /**
     * Go's {@code runqgrab}: takes half of the ring for a thief. Takes {@code runnext} only when
     * {@code takeRunnext} and it is still the goroutine put there at {@code stamp} (it has waited).
     */
    synchronized List<Goroutine> grabHalf(boolean takeRunnext, long stamp) {
        int n = runq.size() - runq.size() / 2;
        if (n > 0) {
            List<Goroutine> out = new ArrayList<>(n);
            runq.drainTo(out, n);
            queued -= n;
            return out;
        }
        if (takeRunnext && runnext != null && runnextStamp == stamp) {
            Goroutine g = runnext;
            runnext = null;
            queued--;
            return List.of(g);
        }
        return List.of();
    }

    /** Appends to the local queue; the caller knows there is room (at most half a queue). */
    synchronized void addAll(List<Goroutine> gs) {
        for (Goroutine g : gs) {
            if (runq.offer(g)) {
                queued++;
            }
        }
    }

    /** runnext, then the ring oldest first; for views and tests. */
    synchronized List<Goroutine> snapshot() {
        List<Goroutine> out = new ArrayList<>();
        if (runnext != null) {
            out.add(runnext);
        }
        runq.copyTo(out);
        return out;
    }
}
