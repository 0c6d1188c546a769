package loomlab.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * A goroutine waiting on one channel: Go's {@code sudog}. A blocked send or receive has one; a
 * blocked select has one per case, all sharing one {@link SelectWait}.
 *
 * <p>Parking and waking happen here and nowhere else: {@link #await()} and
 * {@link SelectWait#await()} park, {@link #ready()} wakes.
 *
 * <p>Who writes what: {@code elem} and {@code success} are written by the waker while it holds the
 * channel's lock, before {@link #ready()}; the owner reads them after it observed the volatile
 * {@code woken} (or {@link SelectWait#woken}), which orders the writes before the reads.
 * {@code prev}, {@code next} and {@code queued} are guarded by the lock of {@code chan}.
 *
 * <p>A select's waiters are {@link SelectWaiter}s; a plain one carries nothing a select needs, as
 * every parked goroutine has one (40 bytes).
 */
sealed class Waiter permits SelectWaiter {
    final Goroutine g;
    final Thread thread;
    final Chan<?> chan;

    /** The value to send, or the value received. */
    Object elem;
    /** True if the operation completed by a partner; false if a close woke it. */
    boolean success;

    Waiter prev;
    Waiter next;
    boolean queued;

    private volatile boolean woken;

    Waiter(Goroutine g, Chan<?> chan, Object elem) {
        this.g = g;
        this.thread = Thread.currentThread();
        this.chan = chan;
        this.elem = elem;
    }

    /**
     * How long a goroutine about to park may first spin, in {@link Thread#onSpinWait()} calls
     * (about 2-4 µs here): long enough for a partner running on another carrier to arrive, which
     * saves the park and the wake-up; see {@link Scheduler#spinBeforePark}.
     */
    static final int SPINS = 128;

    /** Whether {@code g}, about to park on a rendezvous ({@code spin}), spins first: its scheduler decides. */
    static boolean spinsFirst(Goroutine g, boolean spin) {
        return spin && g != null && g.runtime.scheduler.spinBeforePark(g);
    }

    /** Parks the owner until {@link #ready()} is called. The owner must not hold any channel lock. */
    void await() {
        await(false);
    }

    /**
     * {@link #await()}, spinning first if {@code spin} (a rendezvous on an unbuffered channel, where
     * the partner is often running on the other carrier) and the scheduler agrees. Not on buffered
     * channels: there a parked sender waits for room that comes a value at a time, and spinning
     * for each one measured worse than parking (select over 4 channels of capacity 16: 2.6-6.5
     * against 7.1-7.6 M msgs/s).
     */
    void await(boolean spin) {
        if (!woken && spinsFirst(g, spin)) {
            for (int i = 0; i < SPINS && !woken; i++) {
                Thread.onSpinWait();
            }
        }
        while (!woken) {
            parkOnce(g, this);
        }
    }

    /**
     * Wakes the owner. The caller has claimed this waiter (taken it off its queue and, for a select,
     * won {@link SelectWait#claim()}) and has written {@code elem} and {@code success}.
     */
    void ready() {
        if (g != null) {
            g.ready();
        }
        if (this instanceof SelectWaiter s) {
            s.sel.winner = s;
            s.sel.woken = true;
        } else {
            woken = true;
        }
        // If the owner was still spinning it never parks, and this leaves it a permit: every park
        // of the engine is in a loop that checks its condition, so a spare permit costs one turn.
        LockSupport.unpark(thread);
    }

    /** One park; if the owner's run has ended meanwhile, the goroutine unwinds instead of waiting on. */
    static void parkOnce(Goroutine g, Object blocker) {
        LockSupport.park(blocker);
        if (g != null && g.runtime.isOver()) {
            throw new GoroutineExit();
        }
    }
}
