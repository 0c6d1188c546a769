package loomlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code sync.Mutex}: a mutual exclusion lock. The zero value ({@code new Mutex()}) is
 * unlocked. It is not owned by a goroutine: any goroutine may unlock it (SY-02), and a goroutine
 * that locks it twice blocks forever, which the deadlock detector reports as
 * {@code goroutine 1 [sync.Mutex.Lock]:}.
 *
 * <h2>The model</h2>
 * Go's {@code sync/mutex.go} algorithm, line for line where it matters. One state word holds
 * everything the fast paths need; a semaphore (permits plus FIFO queues of parked goroutines)
 * holds the goroutines that sleep:
 * <pre>
 *   state = waiters &lt;&lt; 3 | STARVING | WOKEN | LOCKED
 * </pre>
 * <ul>
 * <li>{@code LOCKED}: somebody holds the mutex.</li>
 * <li>{@code WOKEN}: a goroutine is awake and about to compete for the lock (it was woken, or
 *     it is spinning), so {@link #unlock()} must not wake another.</li>
 * <li>{@code STARVING}: starvation mode, below.</li>
 * <li>{@code waiters}: goroutines that committed to sleeping on the semaphore (some may not
 *     have parked yet; the semaphore's permits cover that gap, so no wake-up is lost).</li>
 * </ul>
 * {@link #lock()} of a free mutex (one CAS) and {@link #unlock()} with nobody to wake (one atomic
 * add) never touch the semaphore.
 *
 * <h2>Fairness (SY-04)</h2>
 * <ul>
 * <li>Normal mode: {@link #unlock()} wakes the oldest waiter, but does not hand it the mutex;
 *     the woken goroutine competes with newcomers, which are already running and usually win.
 *     A loser goes back to the front of the queue. This lets one goroutine re-lock many times
 *     in a row, which is what makes the mutex fast.</li>
 * <li>A waiter that has waited more than 1 ms (on the run's clock) sets {@code STARVING} when it
 *     loses again. In starvation mode {@link #unlock()} hands the mutex straight to the oldest
 *     waiter ({@code LOCKED} stays clear until that waiter sets it, but {@code STARVING} keeps
 *     everyone else out); newcomers neither take the lock nor spin: they queue at the tail.</li>
 * <li>The waiter that receives the mutex ends starvation mode if it is the last waiter or waited
 *     less than 1 ms.</li>
 * </ul>
 * Waiting time is read on the run's {@link Clock} ({@link Clock#SYSTEM} outside a run); on the
 * virtual clock a waiter starves only if virtual time passed while it waited.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code STARVING} implies at least one waiter, or a hand-off in flight to a waiter that is
 *     still counted in {@code waiters}.</li>
 * <li>Every semaphore permit is taken by exactly one counted waiter: {@link #unlock()} releases
 *     a permit only after it has removed one waiter from the count (normal mode) or while a
 *     counted waiter will take ownership (starvation mode).</li>
 * <li>A goroutine counts itself blocked (for the deadlock detector) only while it is queued on
 *     the semaphore, under {@code semaLock}; its waker counts it unblocked.</li>
 * </ul>
 *
 * <h2>Where things happen</h2>
 * {@code state} is changed only atomically: CAS, the atomic subtraction of {@link #unlock()}, and
 * the atomic add of a goroutine that was handed the mutex. {@code semaLock} guards {@code permits}, {@code queue} and {@code requeued};
 * goroutines park only in {@link #semacquire} and wake only in {@link #semrelease}.
 *
 * <h2>Differences from Go, and rejected designs</h2>
 * Go requeues a woken loser at the very front (LIFO); here losers wait in their own FIFO
 * ({@code requeued}) that is served before newcomers, which keeps the same "losers first"
 * property with the engine's FIFO {@link WaitQueue}. Go's hand-off also yields the releasing
 * goroutine's time slice; Java has no directed yield, so the waiter just becomes runnable.
 * Wrapping {@link ReentrantLock} was rejected: its owner is a thread, so another goroutine could
 * not unlock, and its parking is invisible to the deadlock detector.
 *
 * <p>References: Go {@code src/internal/sync/mutex.go} ("Mutex fairness"),
 * {@code src/runtime/sema.go}.
 */
public final class Mutex {
    private static final int LOCKED = 1;
    private static final int WOKEN = 1 << 1;
    private static final int STARVING = 1 << 2;
    private static final int WAITER_SHIFT = 3;
    private static final int ONE_WAITER = 1 << WAITER_SHIFT;
    /** A waiter that waited longer than this switches the mutex to starvation mode (Go: 1e6). */
    private static final long STARVATION_THRESHOLD_NANOS = 1_000_000;
    /** How many spin rounds a goroutine may try before it sleeps (Go's {@code active_spin}). */
    private static final int MAX_SPIN_ROUNDS = 4;
    /** CPU pause hints per spin round (Go's {@code active_spin_cnt}). */
    private static final int PAUSES_PER_ROUND = 30;
    /** Spinning only helps if the holder can run at the same time, on another core. */
    private static final boolean MULTICORE = java.lang.Runtime.getRuntime().availableProcessors() > 1;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Mutex.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code waiters << 3 | STARVING | WOKEN | LOCKED}; CAS only, see the class comment. */
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    /** Guards the semaphore: {@code permits}, {@code queue}, {@code requeued}. */
    private final ReentrantLock semaLock = new ReentrantLock();
    /** Releases that found no parked goroutine; the next acquirer takes one without parking. */
    private int permits;
    /** Goroutines parked for the first time, oldest first. */
    private final WaitQueue queue = new WaitQueue();
    /** Woken goroutines that lost the race and sleep again; served before {@code queue}. */
    private final WaitQueue requeued = new WaitQueue();

    /** Switch points and lock events, when the mutex belongs to a traced or deterministic run. */
    private final LockTrace trace = new LockTrace();

    /** Go's {@code Mutex.Lock}: locks, blocking (as {@code sync.Mutex.Lock}) until the mutex is free. */
    public void lock() {
        if (trace.observed) {
            trace.switchPoint();
            lock0();
            trace.acquired("Mutex");
        } else {
            lock0();
        }
    }

    private void lock0() {
        // Free and not promised to a waiter: take it, even if waiters are counted (barging, as the
        // first round of lockSlow would). Reading first, instead of Go's CAS(0, LOCKED), keeps
        // this one CAS while parked waiters are counted in the word.
        int old = state;
        if ((old & (LOCKED | STARVING)) == 0 && STATE.compareAndSet(this, old, old | LOCKED)) {
            return;
        }
        lockSlow();
    }

    /** Go's {@code Mutex.TryLock}: locks if the mutex is free and not promised to a waiter; never blocks. */
    public boolean tryLock() {
        int old = state;
        if ((old & (LOCKED | STARVING)) != 0) {
            return false;
        }
        // A woken waiter may be on its way; a running goroutine may still take the lock first.
        return STATE.compareAndSet(this, old, old | LOCKED);
    }

    /** Go's {@code Mutex.Unlock}; unlocking an unlocked mutex is {@code fatal error: sync: unlock of unlocked mutex}. */
    public void unlock() {
        if (trace.observed) {
            trace.switchPoint();
            trace.released("Mutex");
        }
        int next = (int) STATE.getAndAdd(this, -LOCKED) - LOCKED;
        if (next != 0) {
            unlockSlow(next);
        }
    }

    // ---------------------------------------------------------------- lock

    private void lockSlow() {
        Goroutine g = null; // looked up only if we have to spin or sleep
        boolean hasWaited = false;
        long waitStart = 0;
        boolean starving = false;
        boolean awoke = false;
        int spins = 0;
        int old = state;
        for (;;) {
            // Locked in normal mode: spin a little, the holder may be about to unlock. Setting
            // WOKEN tells unlock that someone is already awake, so it wakes nobody.
            if ((old & (LOCKED | STARVING)) == LOCKED && canSpin(spins, g == null ? (g = Goroutine.current()) : g)) {
                if (!awoke && (old & WOKEN) == 0 && (old >>> WAITER_SHIFT) != 0
                        && STATE.compareAndSet(this, old, old | WOKEN)) {
                    awoke = true;
                }
                spinUntilUnlocked();
                spins++;
                old = state;
                continue;
            }
            int next = old;
            if ((old & STARVING) == 0) {
                next |= LOCKED; // normal mode: try to take it
            }
            if ((old & (LOCKED | STARVING)) != 0) {
                next += ONE_WAITER; // it is taken, or promised to a waiter: queue
            }
            if (starving && (old & LOCKED) != 0) {
                // Switch to starvation mode, but only while the mutex is held: unlock expects
                // a starving mutex to have a waiter to hand off to.
                next |= STARVING;
            }
            if (awoke) {
                if ((next & WOKEN) == 0) {
                    throw fatal("sync: inconsistent mutex state");
                }
                next &= ~WOKEN; // we were the awake one; whatever happens now, we no longer are
            }
            int witness = (int) STATE.compareAndExchange(this, old, next);
            if (witness != old) {
                old = witness;
                continue;
            }
            if ((old & (LOCKED | STARVING)) == 0) {
                return; // saw it free in normal mode, and took it
            }
            boolean loser = hasWaited;
            if (!hasWaited) {
                hasWaited = true;
                g = Goroutine.current();
                waitStart = nanos(g);
            }
            semacquire(g, loser);
            starving = starving || nanos(g) - waitStart > STARVATION_THRESHOLD_NANOS;
            old = state;
            if ((old & STARVING) != 0) {
                // Handed off: the mutex is ours, but LOCKED is clear and we still count as a
                // waiter. Fix both in one step, and leave starvation mode if it is no longer needed.
                if ((old & (LOCKED | WOKEN)) != 0 || (old >>> WAITER_SHIFT) == 0) {
                    throw fatal("sync: inconsistent mutex state");
                }
                int delta = LOCKED - ONE_WAITER;
                if (!starving || (old >>> WAITER_SHIFT) == 1) {
                    delta -= STARVING;
                }
                STATE.getAndAdd(this, delta);
                return;
            }
            // Normal mode: woken with WOKEN set on our behalf; compete again.
            awoke = true;
            spins = 0;
        }
    }

    /**
     * Go's {@code sync_runtime_canSpin}: spin only a few rounds, only with several cores, and only
     * while this goroutine's P has nothing else to run: spinning while a runnable goroutine (maybe
     * the holder) waits for our carrier only delays the unlock.
     */
    private static boolean canSpin(int spins, Goroutine g) {
        if (!MULTICORE || spins >= MAX_SPIN_ROUNDS) {
            return false;
        }
        Machine m = g == null ? null : g.m;
        Processor p = m == null ? null : m.p;
        return g == null || (p != null && !p.hasWork() && g.runtime.mode() == RunMode.REAL);
    }

    /** One spin round; ends early when the mutex is seen unlocked. */
    private void spinUntilUnlocked() {
        for (int i = 0; i < PAUSES_PER_ROUND; i++) {
            Thread.onSpinWait();
            if ((state & LOCKED) == 0) {
                return;
            }
        }
    }

    private static long nanos(Goroutine g) {
        return (g != null ? g.runtime.clock : Clock.SYSTEM).nanos();
    }

    // ---------------------------------------------------------------- unlock

    /** Unlock found waiters or flags: {@code next} is the state right after its atomic subtraction. */
    private void unlockSlow(int next) {
        if (((next + LOCKED) & LOCKED) == 0) {
            // LOCKED was clear before our subtraction. Go leaves the word broken (the process
            // dies); we add it back so that a Mutex used outside a run stays usable after Fatal.
            STATE.getAndAdd(this, LOCKED);
            throw fatal("sync: unlock of unlocked mutex");
        }
        if ((next & STARVING) != 0) {
            // Starvation mode: hand the mutex to the oldest waiter. It sets LOCKED itself;
            // STARVING keeps newcomers out meanwhile.
            semrelease();
            return;
        }
        int old = next;
        for (;;) {
            // Nobody to wake, or someone is awake already, or the lock was taken again, or a
            // waiter switched to starvation mode after our unlock (its hand-off is not ours).
            if ((old >>> WAITER_SHIFT) == 0 || (old & (LOCKED | WOKEN | STARVING)) != 0) {
                return;
            }
            // Take one waiter off the count and wake it, marked WOKEN.
            int witness = (int) STATE.compareAndExchange(this, old, (old - ONE_WAITER) | WOKEN);
            if (witness == old) {
                semrelease();
                return;
            }
            old = witness;
        }
    }

    // ---------------------------------------------------------------- semaphore (Go's sema.go)

    /** Takes a permit, parking as {@code sync.Mutex.Lock} until one is released. No lock held on entry. */
    private void semacquire(Goroutine g, boolean loser) {
        semaLock.lock();
        if (permits > 0) {
            permits--;
            semaLock.unlock();
            return;
        }
        Waiter self = new Waiter(g, null, null);
        (loser ? requeued : queue).enqueue(self);
        if (trace.observed) {
            trace.waiting("Mutex");
        }
        boolean allAsleep = g != null && g.park(WaitReason.MUTEX_LOCK, trace.id());
        semaLock.unlock();
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await();
        Runtime.running(g);
    }

    /** Gives one permit: straight to the longest-parked loser, else the oldest waiter, else kept. */
    private void semrelease() {
        semaLock.lock();
        Waiter w = requeued.dequeue();
        if (w == null) {
            w = queue.dequeue();
        }
        if (w == null) {
            permits++;
        }
        semaLock.unlock();
        if (w != null) {
            w.ready();
        }
    }

    /** Goroutines parked on this mutex now; for tests and views. */
    int parked() {
        semaLock.lock();
        try {
            return queue.size() + requeued.size();
        } finally {
            semaLock.unlock();
        }
    }

    /** Go's {@code fatal}: ends the run, or outside a run just throws. */
    static Fatal fatal(String message) {
        Goroutine g = Goroutine.current();
        return g != null ? g.runtime.fatal(g, message) : new Fatal(message);
    }

    @Override
    public String toString() {
        int s = state;
        return "Mutex[" + ((s & LOCKED) != 0 ? "locked" : "unlocked")
                + ((s & STARVING) != 0 ? ", starving" : "")
                + ", waiters=" + (s >>> WAITER_SHIFT) + "]";
    }
}
