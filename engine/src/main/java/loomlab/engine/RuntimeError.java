package loomlab.engine;

/**
 * A panic raised by the runtime itself, Go's {@code runtime.Error}: {@code send on closed channel},
 * {@code close of nil channel}, {@code close of closed channel}, {@code makechan: size out of range}.
 * Like Go's {@code plainError} these print without a {@code runtime error:} prefix.
 */
public final class RuntimeError extends Panic {
    public RuntimeError(String message) {
        super(message);
    }

    @Override
    public String getMessage() {
        return (String) value();
    }
}
