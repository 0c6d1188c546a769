package loomlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A lock for the scheduler's run queues, held for a few instructions that never block, by carrier
 * threads and by goroutines readying each other. Not a monitor: a contended monitor is inflated
 * (every run inflated the Ps' and the global queue's) and parks its loser, a carrier thread, in the
 * kernel. Not reentrant. Lock order: the global queue before a P's queue.
 */
final class SpinLock {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SpinLock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 0 free, 1 held. */
    private int state;

    void lock() {
        while (!STATE.weakCompareAndSetAcquire(this, 0, 1)) {
            Thread.onSpinWait();
        }
    }

    void unlock() {
        STATE.setRelease(this, 0);
    }
}
