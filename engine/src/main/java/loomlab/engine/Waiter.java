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
 */
final class Waiter {
    final Goroutine g;
    final Thread thread;
    final Chan<?> chan;
    /** The select this waiter belongs to, or null for a plain send or receive. */
    final SelectWait sel;
    /** Index of the select case this waiter stands for. */
    final int caseIndex;

    /** The value to send, or the value received. */
    Object elem;
    /** True if the operation completed by a partner; false if a close woke it. */
    boolean success;

    Waiter prev;
    Waiter next;
    boolean queued;

    private volatile boolean woken;

    Waiter(Goroutine g, Chan<?> chan, Object elem, SelectWait sel, int caseIndex) {
        this.g = g;
        this.thread = Thread.currentThread();
        this.chan = chan;
        this.elem = elem;
        this.sel = sel;
        this.caseIndex = caseIndex;
    }

    /** Parks the owner until {@link #ready()} is called. The owner must not hold any channel lock. */
    void await() {
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
        if (sel != null) {
            sel.winner = this;
            sel.woken = true;
        } else {
            woken = true;
        }
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
