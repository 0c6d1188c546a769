package loomlab.engine;

import java.util.List;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@link Context#afterFunc} registers: Go's {@code afterFuncCtx}, a hidden cancelable child
 * of the watched context whose cancellation starts {@code f} in a goroutine of its own.
 *
 * <p>{@code claimed} is Go's {@code once}: whoever sets it first decides. The cancellation sets
 * it and starts {@code f}; {@link #stop()} sets it and unlinks this node, so {@code f} never runs.
 * So {@code stop()} returns true iff it prevented {@code f}, and never waits for a running
 * {@code f} (CTX-10).
 *
 * <p>{@code f} is started with {@link Runtime#spawnFromTimer}, never on the canceling thread: the
 * cancel may come from the run's timer queue (a deadline) or hold the locks of ancestors.
 */
final class ContextAfterFunc extends CancelContext {
    private final Runtime runtime;
    private final Runnable f;
    private final AtomicBoolean claimed = new AtomicBoolean();

    ContextAfterFunc(Context ctx, Runtime runtime, Runnable f) {
        super(ctx, ContextKind.AFTER_FUNC);
        this.runtime = runtime;
        this.f = f;
    }

    @Override
    List<CancelContext> cancelSelf(ContextError err, Exception cause) {
        List<CancelContext> children = super.cancelSelf(err, cause);
        if (claimed.compareAndSet(false, true)) {
            runtime.spawnFromTimer("context.AfterFunc", f);
        }
        return children;
    }

    /** The {@code stop} function: true iff this call kept {@code f} from running. */
    boolean stop() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        cancel(true, CANCELED, null);
        return true;
    }

    @Override
    public String toString() {
        return parent() + ".AfterFunc";
    }
}
