package loomlab.engine;

/**
 * A Go panic: {@code Go.panic(v)} throws one, and so does every misuse of a channel that Go
 * answers with a panic. Catching it is Go's {@code recover}. If nobody does, the run ends with
 * {@code panic: <value>}, the goroutine's stack, and exit status 2.
 */
public class Panic extends RuntimeException {
    private final transient Object value;

    public Panic(Object value) {
        super(describe(value), value instanceof Throwable t ? t : null);
        this.value = value;
    }

    /** The value passed to {@code panic}, as {@code recover()} would return it. */
    public Object value() {
        return value;
    }

    static String describe(Object value) {
        return value instanceof Throwable t ? t.toString() : String.valueOf(value);
    }
}
