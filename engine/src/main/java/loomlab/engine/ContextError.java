package loomlab.engine;

/**
 * The two errors a context reports from {@link Context#err()}: Go's {@code context.Canceled} and
 * {@code context.DeadlineExceeded}, as the constants {@link Context#CANCELED} and
 * {@link Context#DEADLINE_EXCEEDED}. There are exactly two instances, so {@code ==} compares them,
 * as Go code compares {@code err == context.Canceled}.
 *
 * <p>{@link #getMessage()} and {@link #toString()} are Go's {@code Error()} text, so
 * {@code println(ctx.err())} prints {@code context canceled}. Being shared constants, they carry no
 * stack trace and no suppressed exceptions; a task may still {@code throw ctx.err()}.
 */
public final class ContextError extends RuntimeException {
    private final boolean timeout;

    ContextError(String message, boolean timeout) {
        super(message, null, false, false);
        this.timeout = timeout;
    }

    /** Go's {@code Timeout()}: true for {@code context deadline exceeded} (CTX-02). */
    public boolean timeout() {
        return timeout;
    }

    /** Go's {@code Temporary()}: true for {@code context deadline exceeded} (CTX-02). */
    public boolean temporary() {
        return timeout;
    }

    /** Go's {@code Error()}: {@code context canceled} or {@code context deadline exceeded}. */
    @Override
    public String toString() {
        return getMessage();
    }
}
