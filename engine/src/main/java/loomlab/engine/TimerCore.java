package loomlab.engine;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import loomlab.engine.events.Event;

/**
 * What {@link Timer} and {@link Ticker} share: a {@link RuntimeTimer} and either a channel to send
 * the time on or a function to start in a goroutine.
 *
 * <h2>Go 1.23 semantics</h2>
 * Once {@link #stop()} or {@link #reset} has returned, no value of an earlier setting can be
 * received (TM-03). Three things make that so, all under {@code mu}: a stop or reset empties the
 * channel's buffer; it disarms the timer; and a firing delivers only if the timer is still armed
 * with the setting ({@code gen}) it fired for, so a firing already taken off the queue but not yet
 * delivered is dropped.
 */
final class TimerCore {
    private final Runtime runtime;
    /** The channel, or null for a function timer. */
    final Chan<Instant> chan;
    private final Runnable func;
    private final RuntimeTimer timer;
    /** The id events use. */
    private final long id;
    private final ReentrantLock mu = new ReentrantLock();
    // Guarded by mu.
    private boolean armed;
    private long armedGen;
    private boolean periodic;

    TimerCore(Runtime runtime, Chan<Instant> chan, Runnable func) {
        this.runtime = runtime;
        this.chan = chan;
        this.func = func;
        this.timer = new RuntimeTimer(this::fired);
        this.id = runtime.nextObjectId();
    }

    /** Arms the timer for {@code delayNanos} from now (a non-positive delay fires at once). */
    void start(long delayNanos, long periodNanos) {
        mu.lock();
        try {
            arm(delayNanos, periodNanos);
        } finally {
            mu.unlock();
        }
    }

    /** Go's {@code Stop}: true if this call stopped a timer whose value was not yet received (TM-04). */
    boolean stop() {
        mu.lock();
        try {
            return disarm();
        } finally {
            mu.unlock();
        }
    }

    /** Go's {@code Reset}: true if the timer had been active (TM-06). */
    boolean reset(long delayNanos, long periodNanos) {
        mu.lock();
        try {
            boolean active = disarm();
            arm(delayNanos, periodNanos);
            return active;
        } finally {
            mu.unlock();
        }
    }

    private void arm(long delayNanos, long periodNanos) {
        long when = runtime.clock.nanos() + Math.max(0, delayNanos);
        runtime.timers.schedule(timer, when, periodNanos);
        if (runtime.tracing) {
            runtime.emit(Goroutine.current(), new Event.TimerStart(id, when, periodNanos));
        }
        armed = true;
        armedGen = timer.gen;
        periodic = periodNanos > 0;
    }

    /**
     * Disarms; true if the timer was active: still queued, or fired but not yet delivered (the
     * firing is in flight, and will now be dropped), or delivered into the buffer but not received.
     */
    private boolean disarm() {
        boolean pending = runtime.timers.cancel(timer);
        if (runtime.tracing && (pending || armed)) {
            runtime.emit(Goroutine.current(), new Event.TimerStop(id));
        }
        boolean inFlight = armed && !pending;
        armed = false;
        boolean drained = chan != null && chan.drain(runtime.tracing ? runtime : null);
        return pending || inFlight || drained;
    }

    private void fired(RuntimeTimer t, long when, long gen) {
        mu.lock();
        try {
            if (!armed || gen != armedGen) {
                return; // stopped or reset after this firing was taken off the queue
            }
            if (!periodic) {
                armed = false;
            }
            if (runtime.tracing) {
                runtime.emit(null, new Event.TimerFire(id));
            }
            if (chan != null) {
                chan.offer(runtime.clock.epoch().plusNanos(when), runtime.tracing ? runtime : null);
                return;
            }
        } finally {
            mu.unlock();
        }
        runtime.spawnFromTimer("time.AfterFunc", func);
    }
}
