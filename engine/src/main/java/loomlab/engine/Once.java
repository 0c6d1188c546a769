package loomlab.engine;

import java.util.function.Supplier;

/**
 * Go's {@code sync.Once}: performs exactly one action (SY-07), plus Go 1.21's {@code OnceFunc}
 * and {@code OnceValue}.
 *
 * <h2>The model</h2>
 * Go's {@code sync/once.go}: a {@code done} flag read without locking on the fast path, and a
 * {@link Mutex} that the first caller holds while {@code f} runs. Concurrent callers block on
 * that mutex, so a dump shows them as {@code sync.Mutex.Lock}, as Go's does; calling
 * {@link #run} on the same Once from inside {@code f} deadlocks, as in Go.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code done} goes from false to true once, under {@code m}, after {@code f} has returned
 *     or panicked; it is volatile, so a caller that sees it true also sees everything {@code f}
 *     wrote (Go: "the return from f happens before the return of any call of once.Do(f)").</li>
 * <li>{@code done} is set even when {@code f} panics: a panicking {@code f} counts as done.</li>
 * </ul>
 *
 * <p>Rejected: setting {@code done} with a CAS before calling {@code f}, without a mutex. A second
 * caller would then return before {@code f} finished, and see its effects half done.
 *
 * <p>Reference: Go {@code src/sync/once.go}, {@code src/sync/oncefunc.go}.
 */
public final class Once {
    /** Written once, to true, under {@code m}; read anywhere. */
    private volatile boolean done;
    private final Mutex m = new Mutex();

    /**
     * Go's {@code Once.Do}: calls {@code f} if and only if this is the first call on this Once;
     * concurrent callers wait until that call returns. If {@code f} panics, it counts as done.
     */
    public void run(Runnable f) {
        if (!done) {
            runSlow(f);
        }
    }

    private void runSlow(Runnable f) {
        m.lock();
        try {
            if (!done) {
                try {
                    f.run();
                } finally {
                    done = true;
                }
            }
        } finally {
            m.unlock();
        }
    }

    /**
     * Go's {@code sync.OnceFunc}: a function that calls {@code f} only once. If {@code f} panicked,
     * every call panics with the same value.
     */
    public static Runnable func(Runnable f) {
        Memo<Void> memo = new Memo<>(() -> {
            f.run();
            return null;
        });
        return memo::get;
    }

    /**
     * Go's {@code sync.OnceValue}: a function that calls {@code f} only once and returns its value
     * on every call. If {@code f} panicked, every call panics with the same value.
     */
    public static <T> Supplier<T> value(Supplier<T> f) {
        return new Memo<>(f)::get;
    }

    /**
     * The shared body of {@link #func} and {@link #value}. {@code f}, {@code result}, {@code panic}
     * and {@code valid} are written only inside {@code once}'s action and read after {@code once}
     * returns, which orders them.
     */
    private static final class Memo<T> implements Supplier<T> {
        private final Once once = new Once();
        private Supplier<T> f;
        private T result;
        private Throwable panic;
        private boolean valid;

        Memo(Supplier<T> f) {
            this.f = f;
        }

        @Override
        public T get() {
            once.run(this::call);
            if (!valid) {
                throw repanic(panic);
            }
            return result;
        }

        private void call() {
            try {
                result = f.get();
                valid = true;
            } catch (Throwable t) {
                panic = t;
                throw t; // the first caller panics as f did
            } finally {
                f = null; // let f and what it holds be collected
            }
        }

        /**
         * The same panic value again, thrown from this call. An engine panic is thrown afresh, so
         * that its trace shows the goroutine that calls now; any other throwable is itself the
         * value and is rethrown as it is, so that {@code catch} clauses keep matching its type.
         */
        private static RuntimeException repanic(Throwable t) {
            if (t instanceof RuntimeError e) {
                return new RuntimeError(e.getMessage());
            }
            if (t instanceof Panic p) {
                return new Panic(p.value());
            }
            if (t instanceof RuntimeException e) {
                return e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return new Panic(t); // a checked exception smuggled out of f
        }
    }
}
