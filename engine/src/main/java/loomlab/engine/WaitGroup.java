package loomlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code sync.WaitGroup}: waits for a collection of goroutines to finish. The zero value
 * ({@code new WaitGroup()}) has counter 0.
 *
 * <h2>The model</h2>
 * Go's {@code sync/waitgroup.go}: one atomic word holds the counter and the number of waiters,
 * <pre>
 *   state = counter &lt;&lt; 32 | waiters
 * </pre>
 * so {@link #add} is one atomic add unless it takes the counter to 0 with goroutines waiting.
 * Then it releases them all at once (SY-11) and resets the word to 0, which makes the group
 * reusable.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code waiters} is incremented only under {@code lock}, in the same critical section that
 *     queues the waiter; so whoever holds {@code lock} sees exactly {@code waiters} goroutines in
 *     {@code queue}, and a release under {@code lock} cannot miss one.</li>
 * <li>A waiter registers only while the counter is non-zero (by CAS); once it is 0 nobody new
 *     registers, so the releaser's view of {@code state} stays exact unless {@code add} is misused
 *     concurrently with {@code await} (SY-09), which is then detected and panics, as in Go.</li>
 * </ul>
 *
 * <h2>Who writes what</h2>
 * {@code state}: atomic adds by {@link #add}, CAS by a registering waiter under {@code lock}, reset
 * to 0 by the releaser under {@code lock}. {@code queue}: guarded by {@code lock}.
 *
 * <p>Reference: Go {@code src/sync/waitgroup.go}.
 */
public final class WaitGroup {
    private static final long ONE = 1L << 32;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WaitGroup.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code counter << 32 | waiters}; see the class comment for who writes it. */
    @SuppressWarnings("unused") // accessed through STATE
    private volatile long state;
    private final ReentrantLock lock = new ReentrantLock();
    /** Goroutines parked in {@link #await()}, oldest first; guarded by {@code lock}. */
    private final WaitQueue queue = new WaitQueue();

    /**
     * Go's {@code WaitGroup.Add}: adds {@code delta} (which may be negative) to the counter; at 0 every
     * waiter is released. A negative counter panics {@code sync: negative WaitGroup counter}.
     */
    public void add(int delta) {
        long d = (long) delta << 32;
        long s = (long) STATE.getAndAdd(this, d) + d;
        int counter = counter(s);
        int waiters = waiters(s);
        if (counter < 0) {
            throw new Panic("sync: negative WaitGroup counter");
        }
        if (waiters != 0 && delta > 0 && counter == delta) {
            // The first Add of a new round raced with a Wait of the round before (SY-09).
            throw new Panic("sync: WaitGroup misuse: Add called concurrently with Wait");
        }
        if (counter > 0 || waiters == 0) {
            return;
        }
        release(s);
    }

    /** Go's {@code WaitGroup.Done}: {@code add(-1)}. */
    public void done() {
        add(-1);
    }

    /**
     * Go's {@code WaitGroup.Wait}: blocks (as {@code sync.WaitGroup.Wait}) until the counter is 0;
     * returns at once if it already is.
     */
    public void await() {
        if (counter(state) == 0) {
            return;
        }
        Goroutine g = Goroutine.current();
        lock.lock();
        for (;;) {
            long s = state;
            if (counter(s) == 0) {
                lock.unlock();
                return;
            }
            if (STATE.compareAndSet(this, s, s + 1)) {
                break;
            }
        }
        Waiter self = new Waiter(g, null, null);
        queue.enqueue(self);
        boolean allAsleep = g != null && g.park(WaitReason.WAIT_GROUP_WAIT);
        lock.unlock();
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await();
        Runtime.running(g);
        if (state != 0) {
            // Someone started a new round before this Wait returned (SY-10); heuristic, as in Go.
            throw new Panic("sync: WaitGroup is reused before previous Wait has returned");
        }
    }

    /**
     * Go 1.25's {@code WaitGroup.Go}: {@code add(1)}, then runs {@code task} in a new goroutine that
     * calls {@link #done()} when it returns.
     *
     * <p>If {@code task} panics, {@code done()} is not called (as in Go's later revision of
     * {@code Go}), so a {@link #await()} cannot return and let {@code main} exit before the panic
     * ends the run.
     */
    public void go(Runnable task) {
        add(1);
        Go.go(() -> {
            task.run();
            done();
        });
    }

    /** Counter reached 0 with waiters parked: release them all. {@code s} is the state {@code add} saw. */
    private void release(long s) {
        List<Waiter> woken = new ArrayList<>(waiters(s));
        lock.lock();
        if (state != s) {
            lock.unlock();
            throw new Panic("sync: WaitGroup misuse: Add called concurrently with Wait");
        }
        state = 0; // no waiter can register meanwhile: the counter is 0 and we hold the lock
        for (Waiter w = queue.dequeue(); w != null; w = queue.dequeue()) {
            woken.add(w);
        }
        lock.unlock();
        for (Waiter w : woken) {
            w.ready();
        }
    }

    private static int counter(long s) {
        return (int) (s >> 32);
    }

    private static int waiters(long s) {
        return (int) s;
    }

    /** Goroutines parked in {@link #await()} now; for tests and views. */
    int parked() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        long s = state;
        return "WaitGroup[counter=" + counter(s) + ", waiters=" + waiters(s) + "]";
    }
}
