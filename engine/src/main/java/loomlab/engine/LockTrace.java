package loomlab.engine;

import loomlab.engine.events.Event;

/**
 * What a {@link Mutex} or {@link RWMutex} tells its run: the switch point before each lock
 * operation in a deterministic run, and wait, acquire and release events in a traced one. Made
 * with the lock; outside a run it does nothing, and on the fast path it costs one field read.
 */
final class LockTrace {
    /** The run the lock was made in, or null. */
    private final Runtime run;
    /** The lock's id in that run's events. */
    private final long id;
    /** Whether anything is to be done at all: a traced or deterministic run. */
    final boolean observed;

    LockTrace() {
        Goroutine g = Goroutine.current();
        this.run = g == null ? null : g.runtime;
        this.id = run == null ? 0 : run.nextObjectId();
        this.observed = run != null && (run.tracing || run.mode() == RunMode.DETERMINISTIC);
    }

    /** Before a lock or unlock: a deterministic run may switch goroutines here. */
    void switchPoint() {
        Goroutine g = Goroutine.current();
        if (g != null && g.runtime == run) {
            run.switchPoint(g);
        }
    }

    void waiting(String kind) {
        emit(kind, 0);
    }

    void acquired(String kind) {
        emit(kind, 1);
    }

    void released(String kind) {
        emit(kind, 2);
    }

    private void emit(String kind, int what) {
        if (!run.tracing) {
            return;
        }
        Goroutine g = Goroutine.current();
        long gid = g == null ? 0 : g.id;
        run.emit(g, switch (what) {
            case 0 -> new Event.LockWait(id, gid, kind);
            case 1 -> new Event.LockAcquire(id, gid, kind);
            default -> new Event.LockRelease(id, gid, kind);
        });
    }

    long id() {
        return id;
    }
}
