package loomlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import loomlab.engine.events.Event;

/**
 * A P of Go's G-M-P model: the right to run goroutines, with a {@code runnext} slot and a local
 * run queue (GMP-01, GMP-02). An M must hold a P to run goroutines.
 *
 * <p>Guarded by the run queue's {@link SpinLock} ({@code queueLock}; not the monitor, which every
 * run used to inflate): {@code runnext}, {@code runq}, and the writes of {@code runnextStamp},
 * {@code queued} and {@code gets}, which thieves read without it. Guarded by this object's
 * monitor: {@code syscallG}, {@code syscallSince}, {@code owner}. {@code schedtick} is written
 * only by the owning M.
 */
final class Processor {
    final int id;
    private Goroutine runnext;
    /**
     * Counts runnext puts, so a thief can tell whether the same goroutine has waited there a while.
     * Opaque accesses, like {@code gets}: {@link #grabHalf} checks it again under the lock.
     */
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
     * How many goroutines wait here (runnext included): written under the queue lock, read without
     * it by thieves so that an empty P costs them no lock.
     */
    private volatile int queued;
    /**
     * Counts {@link #get()}s: a thief that sees it unchanged look after look knows that the owner
     * is busy with one goroutine and the queue waits ({@link StealWatch}). Opaque accesses: a
     * thief needs a recent count, not a fence.
     */
    private int gets;

    /** Guards the run queue (see the class comment). */
    private final SpinLock queueLock = new SpinLock();

    private static final VarHandle GETS;
    private static final VarHandle RUNNEXT_STAMP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            GETS = lookup.findVarHandle(Processor.class, "gets", int.class);
            RUNNEXT_STAMP = lookup.findVarHandle(Processor.class, "runnextStamp", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The run to record queue moves in, or null when nobody listens. */
    private final Runtime tracer;

    /** P {@code id} of {@code runtime}'s scheduler. */
    Processor(int id, Runtime runtime) {
        this.id = id;
        this.tracer = runtime != null && runtime.tracing ? runtime : null;
    }

    /**
     * Go's {@code runqput}: into {@code runnext} (kicking the old one to the tail) or the tail.
     * Returns the goroutines that must go to the global queue because the ring is full (GMP-04),
     * or null. In a traced run the push is recorded, as done by {@code by} on M {@code m}, while
     * the queue is locked: no M can take {@code g} and record that before the push itself is
     * recorded (the views once drew such a goroutine in runnext while it ran).
     */
    List<Goroutine> put(Goroutine g, boolean next, Goroutine by, int m) {
        queueLock.lock();
        try {
            if (tracer != null) {
                tracer.emit(by, id, m, new Event.RunqPush(id, g.id, next));
            }
            if (next) {
                Goroutine old = runnext;
                runnext = g;
                RUNNEXT_STAMP.setOpaque(this, runnextStamp + 1);
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
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Go's {@code runqget}: runnext first, then the head of the ring. In a traced run the pop is
     * recorded, as done on M {@code m}, while the queue is locked, as every other move of a run
     * queue is.
     */
    Goroutine get(int m) {
        if (queued == 0) {
            return null; // most looks of an idle M: no lock for an empty P
        }
        queueLock.lock();
        try {
            if (queued == 0) {
                return null;
            }
            Goroutine g = runnext;
            boolean fromRunnext = g != null;
            if (fromRunnext) {
                runnext = null;
            } else {
                g = runq.poll();
            }
            if (tracer != null) {
                tracer.emit(null, id, m, new Event.RunqPop(id, g.id, fromRunnext));
            }
            GETS.setOpaque(this, gets + 1);
            queued--;
            return g;
        } finally {
            queueLock.unlock();
        }
    }

    /** How many goroutines the owner has taken from this P; read by thieves without the lock. */
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

    /** The runnext stamp; read by thieves without the lock. */
    long runnextStamp() {
        return (long) RUNNEXT_STAMP.getOpaque(this);
    }

    /** Whether runnext holds a goroutine and the ring is empty: the only thing a thief could take is runnext. */
    boolean onlyRunnext() {
        return queued == 1;
    }

    /**
     * Go's {@code runqgrab}: takes half of the ring for a thief. Takes {@code runnext} only when
     * {@code takeRunnext} and it is still the goroutine put there at {@code stamp} (it has waited).
     * In a traced run the steal is recorded, as done by P {@code thief} on M {@code m}, while this
     * queue is locked: this P's owner cannot take the goroutine behind them and record that first.
     */
    List<Goroutine> grabHalf(boolean takeRunnext, long stamp, int thief, int m) {
        queueLock.lock();
        try {
            int n = runq.size() - runq.size() / 2;
            List<Goroutine> out;
            if (n > 0) {
                out = new ArrayList<>(n);
                runq.drainTo(out, n);
                queued -= n;
            } else if (takeRunnext && runnext != null && runnextStamp == stamp) {
                out = List.of(runnext);
                runnext = null;
                queued--;
            } else {
                return List.of();
            }
            if (tracer != null) {
                List<Long> ids = new ArrayList<>(out.size());
                for (Goroutine g : out) {
                    ids.add(g.id);
                }
                tracer.emit(null, thief, m, new Event.RunqSteal(id, thief, ids));
            }
            return out;
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Appends to the local queue; the caller knows there is room (at most half a queue). Records
     * nothing: the caller has recorded the move (a steal, a batch from the global queue).
     */
    void addAll(List<Goroutine> gs) {
        queueLock.lock();
        try {
            for (Goroutine g : gs) {
                if (runq.offer(g)) {
                    queued++;
                }
            }
        } finally {
            queueLock.unlock();
        }
    }

    /** runnext, then the ring oldest first; for views and tests. */
    List<Goroutine> snapshot() {
        queueLock.lock();
        try {
            List<Goroutine> out = new ArrayList<>();
            if (runnext != null) {
                out.add(runnext);
            }
            runq.copyTo(out);
            return out;
        } finally {
            queueLock.unlock();
        }
    }
}
