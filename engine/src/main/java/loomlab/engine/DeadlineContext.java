package loomlab.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A context canceled by the clock: Go's {@code timerCtx}, made by {@link Context#withDeadline}
 * and {@link Context#withTimeout}. It is a {@link CancelContext} plus one timer of the run.
 *
 * <h2>The timer</h2>
 * The deadline is a {@link RuntimeTimer} on the run's {@link TimerQueue}, whose action cancels
 * this context directly with {@link Context#DEADLINE_EXCEEDED}. Go runs that cancel through
 * {@code time.AfterFunc}, in a goroutine of the timer's; here no goroutine is started, so none
 * shows up in dumps, and on the virtual clock the cancellation happens at exactly the deadline:
 * a goroutine waiting on {@code done()} resumes with {@code Time.now()} equal to it (SYN-08).
 * Timers due at the same instant fire in the order they were set, so a deadline set before a
 * {@code Time.sleep} that ends at the same instant has fired by the time the sleeper wakes.
 *
 * <h2>Invariants</h2>
 * {@code timer} is non-null only while this context is not canceled and its timer is pending or
 * firing. A cancel (by {@code cancel()}, by an ancestor, or by the timer itself) stops the timer
 * (CTX-08). A firing that races with a cancel finds the context canceled and changes nothing:
 * the first cancellation wins.
 *
 * <p>Lock order: {@code mu} (this context's), then the timer queue's lock in
 * {@link TimerQueue#schedule} and {@link TimerQueue#cancel}.
 */
final class DeadlineContext extends CancelContext {
    /** Go's {@code time.Time.String()} layout, without the monotonic-clock suffix {@code m=+…}. */
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Instant deadline;
    private final Runtime runtime;
    // Guarded by mu.
    private RuntimeTimer timer;

    private DeadlineContext(Context parent, Instant deadline, Runtime runtime) {
        super(parent, ContextKind.DEADLINE);
        this.deadline = deadline;
        this.runtime = runtime;
    }

    /**
     * Go's {@code WithDeadlineCause}. A parent deadline earlier than {@code d} makes this a plain
     * {@code withCancel} (CTX-07); a deadline already passed makes a context canceled from the
     * start; otherwise the timer is set. {@code cause} is the cause on expiry only (CTX-09).
     */
    static CancelContext make(Context parent, Instant d, Exception cause) {
        return make(parent, d, cause, "");
    }

    /** {@link #make(Context, Instant, Exception)}, the context labelled {@code label} in events. */
    static CancelContext make(Context parent, Instant d, Exception cause, String label) {
        Optional<Instant> current = parent.deadline();
        if (current.isPresent() && current.get().isBefore(d)) {
            return Context.withCancel(label, parent); // the parent's earlier deadline stands
        }
        Runtime rt = Context.runtime("withDeadline");
        long when = nanosBetween(rt.clock.epoch(), d);
        DeadlineContext c = Context.created(new DeadlineContext(parent, d, rt), when, label);
        c.propagateCancel();
        if (when <= rt.clock.nanos()) {
            c.cancel(true, DEADLINE_EXCEEDED, cause); // the deadline has already passed
            return c;
        }
        c.mu.lock();
        try {
            if (!c.isCanceled()) { // the parent may have been canceled since propagateCancel
                c.timer = new RuntimeTimer((t, at, gen) -> c.cancel(true, DEADLINE_EXCEEDED, cause));
                rt.timers.schedule(c.timer, when, 0);
            }
        } finally {
            c.mu.unlock();
        }
        return c;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.of(deadline);
    }

    /** Go's {@code timerCtx.cancel}: cancels as a {@link CancelContext}, then stops the timer. */
    @Override
    List<CancelContext> cancelSelf(ContextError err, Exception cause) {
        List<CancelContext> children = super.cancelSelf(err, cause);
        mu.lock();
        try {
            if (timer != null) {
                runtime.timers.cancel(timer);
                timer = null;
            }
        } finally {
            mu.unlock();
        }
        return children;
    }

    /** Go's {@code <parent>.WithDeadline(<deadline> [<time until it>])}, in UTC. */
    @Override
    public String toString() {
        long remaining = nanosBetween(runtime.clock.now(), deadline);
        return parent() + ".WithDeadline(" + goTime(deadline) + " [" + GoDuration.format(remaining) + "])";
    }

    /** Go's {@code time.Time.String()} in UTC: {@code 2000-01-01 00:00:05.25 +0000 UTC}. */
    static String goTime(Instant t) {
        StringBuilder s = new StringBuilder(GO_TIME.format(t.atOffset(ZoneOffset.UTC)));
        int nanos = t.getNano();
        if (nanos != 0) {
            s.append('.').append(String.format("%09d", nanos).replaceFirst("0+$", ""));
        }
        return s.append(" +0000 UTC").toString();
    }

    /** Nanoseconds from {@code a} to {@code b}, saturated to the range of a long. */
    private static long nanosBetween(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
