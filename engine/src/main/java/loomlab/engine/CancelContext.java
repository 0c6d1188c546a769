package loomlab.engine;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A context that can be canceled: Go's {@code cancelCtx}, and what {@link Context#withCancel}
 * returns in place of Go's {@code (ctx, cancel)} pair. {@link #cancel()} is Go's
 * {@code CancelFunc}: idempotent, safe from any goroutine, and it does not wait for anyone.
 *
 * <h2>The algorithm</h2>
 * Each cancelable context owns a lock {@code mu}, its {@code done} channel, and the set of its
 * cancelable children. A new context registers itself with its nearest cancelable ancestor
 * ({@link #propagateCancel()}, Go's {@code propagateCancel}), or starts canceled if that ancestor
 * already is (CTX-06). The first {@link #cancel(boolean, ContextError, Exception)} records err and
 * cause, closes {@code done}, detaches its children and cancels them (and theirs) with the same
 * err and cause, and finally unlinks itself from its parent; every later call returns at once (CTX-04).
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code err == null} iff {@code done} is open iff {@code children != null}.</li>
 * <li>A child in {@code children} is not canceled, except briefly while it unlinks itself.</li>
 * </ul>
 *
 * <h2>Locks</h2>
 * A cancel holds one context's {@code mu} at a time: it detaches a context's children under that
 * context's lock, releases it, and cancels them from a work list (no recursion, so a chain of any
 * depth is fine). A new child takes its parent's {@code mu} only while holding none. A context unlinks itself from its parent after releasing its own {@code mu}.
 * Below every context lock come the locks of the engine a cancel touches: the {@code done}
 * channel's lock (closing it), the run's timer queue (stopping a deadline timer), the run's
 * goroutine registry (starting an {@code afterFunc}); none of those calls back into a context.
 *
 * <h2>Rejected</h2>
 * Go creates {@code done} lazily, to save a channel for contexts nobody waits on. Here it is
 * made at once: one allocation, and a simpler invariant to read.
 */
public sealed class CancelContext extends Context permits CancelCauseContext, DeadlineContext, ContextAfterFunc {
    /** Held while canceling and while changing the children; see "Locks" above. */
    final ReentrantLock mu = new ReentrantLock();
    /** Named for the views: {@code ctx3.done} is context 3's {@code Done()} channel. */
    private final Chan<Void> done = Chan.make("ctx" + id() + ".done");

    // Guarded by mu.
    private ContextError err;
    private Exception cause;
    /** The cancelable children, in creation order; null once canceled (Go sets the map to nil). */
    private Set<CancelContext> children = new LinkedHashSet<>();

    CancelContext(Context parent, ContextKind kind) {
        super(parent, kind);
    }

    /**
     * Go's {@code CancelFunc}: cancels this context and its descendants with
     * {@link Context#CANCELED}, unless it is canceled already (CTX-04). Never its parent (CTX-05).
     */
    public void cancel() {
        cancel(true, CANCELED, null);
    }

    @Override
    public final RecvChan<Void> done() {
        return done;
    }

    @Override
    public final ContextError err() {
        mu.lock();
        try {
            return err;
        } finally {
            mu.unlock();
        }
    }

    @Override
    public final List<Context> children() {
        mu.lock();
        try {
            return children == null ? List.of() : List.copyOf(children);
        } finally {
            mu.unlock();
        }
    }

    @Override
    public String toString() {
        return parent() + ".WithCancel";
    }

    Exception causeOrNull() {
        mu.lock();
        try {
            return cause;
        } finally {
            mu.unlock();
        }
    }

    // ---------------------------------------------------------------- the algorithm

    /**
     * Go's {@code propagateCancel}: links this new context to its nearest cancelable ancestor, or
     * cancels it at once with that ancestor's err and cause if the ancestor is canceled (CTX-06).
     * Called once, by the factory, before anyone else can see this context; holds no lock on entry.
     */
    final void propagateCancel() {
        CancelContext p = parent().nearestCancelable();
        if (p == null) {
            return; // the parent is never canceled
        }
        p.mu.lock();
        try {
            if (p.err != null) {
                // Lock order: p.mu, then this.mu inside cancel.
                cancel(false, p.err, p.cause);
            } else {
                p.children.add(this);
            }
        } finally {
            p.mu.unlock();
        }
    }

    /**
     * Go's {@code cancelCtx.cancel}: the first call wins; later calls return at once. A null
     * {@code cause} means {@code err}. Cancels this context, then every descendant with the same
     * err and cause, and with {@code removeFromParent} unlinks this context from its parent.
     *
     * <p>Go recurses into the children while holding the parent's lock; a chain of 10,000
     * contexts would overflow a Java stack that way. Here the descendants are cancelled from a
     * work list, each under its own lock only, after its parent has detached them. The order is
     * still parents before children. The caller holds no context's lock.
     */
    final void cancel(boolean removeFromParent, ContextError err, Exception cause) {
        if (cause == null) {
            cause = err;
        }
        List<CancelContext> children = cancelSelf(err, cause);
        if (children != null) {
            ArrayDeque<CancelContext> work = new ArrayDeque<>(children);
            for (CancelContext c = work.poll(); c != null; c = work.poll()) {
                List<CancelContext> more = c.cancelSelf(err, cause);
                if (more != null) {
                    work.addAll(more);
                }
            }
        }
        if (removeFromParent) {
            removeFromParent();
        }
    }

    /**
     * Cancels this one context: sets err and cause, closes {@code done}, and detaches and returns
     * its children (null when it was canceled already, and then changes nothing). Subclasses add
     * what a cancel also does (stop a timer, start a function). Takes only this context's lock.
     */
    List<CancelContext> cancelSelf(ContextError err, Exception cause) {
        mu.lock();
        try {
            if (this.err != null) {
                return null; // canceled already: the first cancellation's err and cause stand
            }
            this.err = err;
            this.cause = cause;
            if (run != null && run.tracing) {
                run.emit(Goroutine.current(), new loomlab.engine.events.Event.CtxCancel(id(),
                        err.getMessage(), cause == err ? err.getMessage() : String.valueOf(cause.getMessage())));
            }
            done.close();
            List<CancelContext> detached = List.copyOf(children);
            children = null;
            return detached;
        } finally {
            mu.unlock();
        }
    }

    /** Go's {@code removeChild}: unlinks this context from its nearest cancelable ancestor. Holds no lock on entry. */
    final void removeFromParent() {
        CancelContext p = parent().nearestCancelable();
        if (p == null) {
            return;
        }
        p.mu.lock();
        try {
            if (p.children != null) {
                p.children.remove(this);
            }
        } finally {
            p.mu.unlock();
        }
    }
}
