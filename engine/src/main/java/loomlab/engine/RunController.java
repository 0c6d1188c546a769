package loomlab.engine;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drives a deterministic run from outside: pause, step to the next engine operation, step a
 * chosen goroutine ("you pick who runs next"), resume, and slow down. The run's single carrier
 * asks {@link #beforeDispatch} before it lets a goroutine run; while paused it waits there.
 *
 * <p>Thread-safe; all state is guarded by {@code lock}.
 */
public final class RunController {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private int steps;
    private long chosen;
    private long delayNanos;
    private List<Long> runnable = List.of();

    /** Starts paused or running. */
    public RunController(boolean startPaused) {
        this.paused = startPaused;
    }

    public void pause() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the run go on until the next engine operation (one dispatch). */
    public void step() {
        step(0);
    }

    /** Runs goroutine {@code id} next, until its next engine operation; 0 lets the policy choose. */
    public void step(long id) {
        lock.lock();
        try {
            steps++;
            chosen = id;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits this long before each dispatch: the speed of a demonstration. */
    public void setDelay(java.time.Duration delay) {
        lock.lock();
        try {
            delayNanos = Math.max(0, delay.toNanos());
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** The goroutines that could run at the last dispatch (for "you pick who runs next"). */
    public List<Long> runnable() {
        lock.lock();
        try {
            return runnable;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the carrier before each dispatch with the ids that can run; blocks while paused
     * and returns the id the user chose (0: none chosen). Returns at once when the run is over.
     */
    long beforeDispatch(List<Long> candidates, java.util.function.BooleanSupplier over) {
        lock.lock();
        try {
            runnable = List.copyOf(candidates);
            while (paused && steps == 0 && !over.getAsBoolean()) {
                changed.awaitUninterruptibly();
            }
            long pick = 0;
            if (paused && steps > 0) {
                steps--;
                pick = candidates.contains(chosen) ? chosen : 0;
                chosen = 0;
            }
            long delay = delayNanos;
            if (delay > 0) {
                changed.awaitNanos(delay);
            }
            return pick;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** Whether every switch point must come back to the carrier (stepping). */
    boolean stepping() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    void wakeForEnd() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
