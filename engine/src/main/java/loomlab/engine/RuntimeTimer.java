package loomlab.engine;

/**
 * One timer of a run, Go's runtime {@code timer}: a time, an optional period, and what to do when
 * it fires. {@code Time.sleep}, {@code Timer}, {@code Ticker}, {@code afterFunc} and context
 * deadlines are all built on it.
 *
 * <p>Guarded by the lock of the run's {@link TimerQueue}: {@code when}, {@code period},
 * {@code heapIndex}, {@code seq} and {@code gen}.
 */
final class RuntimeTimer {
    /** What a timer does when it fires: runs on the firing thread, must not block. */
    interface Action {
        void fire(RuntimeTimer timer, long when, long gen);
    }

    final Action action;
    long when;
    long period;
    /** Position in the queue's heap, or -1 when not pending. */
    int heapIndex = -1;
    /** Tie-breaker: timers due at the same time fire in the order they were set. */
    long seq;
    /**
     * Bumped by every schedule and cancel (not by a periodic re-arm), so that an action can tell a
     * firing of the current setting from a late one of an earlier setting.
     */
    long gen;

    RuntimeTimer(Action action) {
        this.action = action;
    }
}
