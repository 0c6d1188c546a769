package loomlab.engine;

/**
 * What {@link Context#withCancelCause} returns: a {@link CancelContext} whose cancel can say why,
 * Go's {@code CancelCauseFunc}. {@code err()} is still {@link Context#CANCELED}; the reason is
 * {@link Context#cause(Context)} (CTX-09).
 */
public final class CancelCauseContext extends CancelContext {
    CancelCauseContext(Context parent) {
        super(parent, ContextKind.CANCEL);
    }

    /**
     * Go's {@code cancel(cause)}: cancels like {@link #cancel()}, and records {@code cause} as the
     * cause of this context and its descendants; {@code null} records {@link Context#CANCELED}.
     * Only the first cancellation counts, whether of this context or of an ancestor.
     */
    public void cancel(Exception cause) {
        cancel(true, CANCELED, cause);
    }
}
