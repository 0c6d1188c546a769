package loomlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The state shared by the waiters of one blocked select. The first waker to win {@link #claim()}
 * completes the select (Go's CAS on {@code g.selectDone}); every other waker skips its waiter.
 */
final class SelectWait {
    private static final VarHandle DONE;

    static {
        try {
            DONE = MethodHandles.lookup().findVarHandle(SelectWait.class, "done", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through DONE
    private volatile int done;
    /** The waiter that completed the select; written by the winning waker before {@code woken}. */
    SelectWaiter winner;
    volatile boolean woken;
    private final Goroutine g;

    SelectWait(Goroutine g) {
        this.g = g;
    }

    /** True for exactly one caller: the waker allowed to complete this select. */
    boolean claim() {
        return DONE.compareAndSet(this, 0, 1);
    }

    /**
     * Parks the owner until a waker completes one of its cases; returns that case's waiter. With
     * {@code spin} (every case on an unbuffered channel) it may spin first, as {@link Waiter#await(boolean)}.
     */
    SelectWaiter await(boolean spin) {
        if (!woken && Waiter.spinsFirst(g, spin)) {
            for (int i = 0; i < Waiter.SPINS && !woken; i++) {
                Thread.onSpinWait();
            }
        }
        while (!woken) {
            Waiter.parkOnce(g, this);
        }
        return winner;
    }
}
