package loomlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code sync.RWMutex}: a reader/writer mutual exclusion lock, held by any number of readers
 * or by one writer. The zero value ({@code new RWMutex()}) is unlocked. Like {@link Mutex}, it is
 * not owned by a goroutine.
 *
 * <h2>The model</h2>
 * Writer preference, as in Go (SY-06): once a writer waits, new readers queue behind it, so a
 * stream of readers cannot starve writers. When a writer unlocks, every reader that queued during
 * its turn is admitted as one batch before the next writer, so writers cannot starve readers
 * either. A consequence Go documents: a goroutine that read-locks recursively deadlocks if a
 * writer arrives in between.
 *
 * <h2>State (all guarded by {@code lock})</h2>
 * <ul>
 * <li>{@code readers}: read locks held now.</li>
 * <li>{@code writing}: the write lock is held (or has just been handed to a woken writer).</li>
 * <li>{@code readerq}, {@code writerq}: parked goroutines, oldest first, waiting as
 *     {@code sync.RWMutex.RLock} and {@code sync.RWMutex.Lock}.</li>
 * </ul>
 * Ownership is handed to a woken goroutine by its waker ({@code readers++} or
 * {@code writing = true} under the lock), so a woken goroutine never competes again.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code writing} implies {@code readers == 0}.</li>
 * <li>{@code writerq} non-empty implies {@code writing || readers > 0}: the last reader out
 *     hands over to the first writer.</li>
 * <li>{@code readerq} non-empty implies {@code writing || !writerq.isEmpty()}: a reader only
 *     waits for a writer.</li>
 * </ul>
 *
 * <h2>Rejected</h2>
 * Go's lock-free {@code readerCount}/{@code readerWait} scheme (a writer makes the count negative)
 * makes uncontended {@code RLock} one atomic add, but needs an inner {@link Mutex} for writers,
 * so a second waiting writer shows as {@code sync.Mutex.Lock} in Go's dumps. One lock and two
 * queues is simpler to read beside the rules, and fast enough for a teaching workbench.
 *
 * <p>Reference: Go {@code src/sync/rwmutex.go}.
 */
public final class RWMutex {
    private final ReentrantLock lock = new ReentrantLock();

    // All guarded by lock.
    private int readers;
    private boolean writing;
    private final WaitQueue readerq = new WaitQueue();
    private final WaitQueue writerq = new WaitQueue();

    /** Switch points and lock events, when the lock belongs to a traced or deterministic run. */
    private final LockTrace trace = new LockTrace();

    /** Go's {@code RWMutex.RLock}: locks for reading; blocks while a writer holds or waits for the lock. */
    public void rLock() {
        if (trace.observed) {
            trace.switchPoint();
        }
        lock.lock();
        if (!writing && writerq.isEmpty()) {
            readers++;
            lock.unlock();
        } else {
            park(readerq, WaitReason.RWMUTEX_RLOCK); // the waker counts us in readers
        }
        if (trace.observed) {
            trace.acquired("RWMutex.R");
        }
    }

    /** Go's {@code RWMutex.TryRLock}: locks for reading if no writer holds or waits for the lock. */
    public boolean tryRLock() {
        lock.lock();
        try {
            if (writing || !writerq.isEmpty()) {
                return false;
            }
            readers++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Go's {@code RWMutex.RUnlock}; without a read lock held it is {@code fatal error: sync: RUnlock of unlocked RWMutex}. */
    public void rUnlock() {
        if (trace.observed) {
            trace.switchPoint();
            trace.released("RWMutex.R");
        }
        lock.lock();
        if (readers == 0) {
            lock.unlock();
            throw Mutex.fatal("sync: RUnlock of unlocked RWMutex");
        }
        Waiter writer = null;
        if (--readers == 0) {
            writer = writerq.dequeue();
            if (writer != null) {
                writing = true; // the last reader out hands over to the oldest writer
            }
        }
        lock.unlock();
        if (writer != null) {
            writer.ready();
        }
    }

    /** Go's {@code RWMutex.Lock}: locks for writing; blocks until no reader or writer holds the lock. */
    public void lock() {
        if (trace.observed) {
            trace.switchPoint();
        }
        lock.lock();
        if (!writing && readers == 0) { // by the invariants, both queues are empty then
            writing = true;
            lock.unlock();
        } else {
            park(writerq, WaitReason.RWMUTEX_LOCK); // the waker sets writing for us
        }
        if (trace.observed) {
            trace.acquired("RWMutex");
        }
    }

    /** Go's {@code RWMutex.TryLock}: locks for writing if nobody holds the lock; never blocks. */
    public boolean tryLock() {
        lock.lock();
        try {
            if (writing || readers > 0) {
                return false;
            }
            writing = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Go's {@code RWMutex.Unlock}; without the write lock held it is {@code fatal error: sync: Unlock of unlocked RWMutex}. */
    public void unlock() {
        if (trace.observed) {
            trace.switchPoint();
            trace.released("RWMutex");
        }
        List<Waiter> woken = new ArrayList<>(0);
        lock.lock();
        if (!writing) {
            lock.unlock();
            throw Mutex.fatal("sync: Unlock of unlocked RWMutex");
        }
        writing = false;
        if (!readerq.isEmpty()) {
            // Readers that arrived during this writer's turn go first, all together; the next
            // writer waits for them to leave.
            for (Waiter r = readerq.dequeue(); r != null; r = readerq.dequeue()) {
                readers++;
                woken.add(r);
            }
        } else {
            Waiter w = writerq.dequeue();
            if (w != null) {
                writing = true;
                woken.add(w);
            }
        }
        lock.unlock();
        for (Waiter w : woken) {
            w.ready();
        }
    }

    /**
     * Queues the current goroutine on {@code q} and parks it until a waker hands it the lock.
     * Called with {@code lock} held; returns with it released.
     */
    private void park(WaitQueue q, WaitReason reason) {
        Goroutine g = Goroutine.current();
        Waiter self = new Waiter(g, null, null);
        q.enqueue(self);
        if (trace.observed) {
            trace.waiting(reason == WaitReason.RWMUTEX_RLOCK ? "RWMutex.R" : "RWMutex");
        }
        boolean allAsleep = g != null && g.park(reason, trace.id());
        lock.unlock();
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await();
        Runtime.running(g);
    }

    /** Goroutines parked now, readers and writers; for tests and views. */
    int parked() {
        lock.lock();
        try {
            return readerq.size() + writerq.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "RWMutex[readers=" + readers + (writing ? ", writing" : "") + ", waiting readers="
                    + readerq.size() + ", waiting writers=" + writerq.size() + "]";
        } finally {
            lock.unlock();
        }
    }
}
