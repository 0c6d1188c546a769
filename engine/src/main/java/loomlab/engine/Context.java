package loomlab.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code context.Context}: a cancellation signal, a deadline and request-scoped values,
 * handed down a tree of goroutines.
 *
 * <h2>The model</h2>
 * Contexts form a tree. {@link #background()} and {@link #todo()} are roots that are never
 * canceled; every other context is derived from a parent by one of the {@code with…} factories.
 * Cancelable contexts ({@link CancelContext}: {@code withCancel}, {@code withCancelCause},
 * {@code withDeadline}, {@code withTimeout}) each own a channel, {@link #done()}, closed when
 * they are canceled. A {@code withValue} context owns nothing but a key and a value: it reports
 * its parent's {@code done()}, {@code err()} and deadline. {@code withoutCancel} cuts the
 * cancellation path and keeps the values.
 *
 * <p>In Go, {@code WithCancel} returns a pair {@code (ctx, cancel)}. Here it returns a
 * {@link CancelContext}, a context that also has {@code cancel()}:
 * <pre>{@code
 * CancelContext ctx = Context.withCancel(Context.background());   // ctx, cancel := context.WithCancel(...)
 * go(() -> worker(ctx));                                         // go worker(ctx)
 * ctx.cancel();                                                  // cancel()
 * }</pre>
 * A function that only needs to watch a context takes a {@code Context}; one that may cancel it
 * takes a {@code CancelContext}. That is Go's discipline of passing {@code ctx} down and keeping
 * {@code cancel} with the caller, with the type system holding the line.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>Cancellation flows down only (CTX-05): a context cancels the contexts in its
 *     {@link #children()}, never its parent.</li>
 * <li>{@code err()} is null until {@code done()} is closed, and stable afterwards; the first
 *     cancellation of a context or of any ancestor decides its err and cause (CTX-04, CTX-09).</li>
 * <li>A context's deadline is never later than its parent's (CTX-07).</li>
 * </ul>
 * The cancellation algorithm and its lock order are in {@link CancelContext}.
 *
 * <h2>Rejected</h2>
 * <ul>
 * <li>An open interface that learners implement, as Go allows. It would bring back Go's extra
 *     goroutine that watches a foreign parent (CTX-13) and would hide nodes from the context-tree
 *     view. The class is sealed; CTX-13 does not apply.</li>
 * <li>Returning a {@code (ctx, cancel)} record. {@code var r = withCancel(p); r.ctx(); r.cancel()}
 *     reads worse than one object, and the record invites passing {@code cancel} down.</li>
 * </ul>
 *
 * <p>References: Go 1.25 {@code src/context/context.go}; conformance items CTX-01 … CTX-12.
 */
public abstract sealed class Context permits Context.Uncancelable, Context.ValueCtx, CancelContext {
    /** Go's {@code context.Canceled}: {@code err()} of a context canceled by a cancel call. */
    public static final ContextError CANCELED = new ContextError("context canceled", false);
    /** Go's {@code context.DeadlineExceeded}: {@code err()} of a context whose deadline passed. */
    public static final ContextError DEADLINE_EXCEEDED = new ContextError("context deadline exceeded", true);

    private static final AtomicLong IDS = new AtomicLong();
    private static final Context BACKGROUND = new EmptyCtx(ContextKind.BACKGROUND, "context.Background");
    private static final Context TODO = new EmptyCtx(ContextKind.TODO, "context.TODO");

    private final long id;
    private final Context parent;
    private final ContextKind kind;
    /** The run this context was made in, or null (made outside any run); events go to it. */
    final Runtime run;

    Context(Context parent, ContextKind kind) {
        Goroutine g = Goroutine.current();
        this.run = g == null ? null : g.runtime;
        this.id = kind == ContextKind.BACKGROUND ? -1 : kind == ContextKind.TODO ? -2
                : run != null ? run.nextObjectId() : IDS.incrementAndGet();
        this.parent = parent;
        this.kind = kind;
    }

    /** Records the creation of {@code c} in its run's events, once it is fully built; returns it. */
    static <C extends Context> C created(C c, long deadlineNanos, String label) {
        if (c.run != null && c.run.tracing) {
            long done = c instanceof CancelContext cc ? ((Chan<?>) cc.done()).oid : 0;
            c.run.emit(Goroutine.current(), new loomlab.engine.events.Event.CtxCreate(c.id(), c.parent().id(),
                    c.kind().name(), deadlineNanos, label, done));
        }
        return c;
    }

    /** Go's {@code stop func() bool}, returned by {@link #afterFunc}. */
    @FunctionalInterface
    public interface Stop {
        /** Detaches the function from the context; true iff this call prevented it from running (CTX-10). */
        boolean stop();
    }

    // ---------------------------------------------------------------- factories

    /** Go's {@code context.Background()}: never canceled, no deadline, no values (CTX-01). */
    public static Context background() {
        return BACKGROUND;
    }

    /** Go's {@code context.TODO()}: like {@code background()}, marking a context still to be decided. */
    public static Context todo() {
        return TODO;
    }

    /** Go's {@code WithCancel(parent)}: canceled by {@link CancelContext#cancel()} or with its parent. */
    public static CancelContext withCancel(Context parent) {
        CancelContext c = created(new CancelContext(checkParent(parent), ContextKind.CANCEL), -1, "");
        c.propagateCancel();
        return c;
    }

    /**
     * {@code withCancel(parent)} with a name that the context-tree view and the trace show (e.g.
     * {@code "request"}). Go has no such thing; lessons use it so that a note can say "watch the
     * request context".
     */
    public static CancelContext withCancel(String name, Context parent) {
        CancelContext c = created(new CancelContext(checkParent(parent), ContextKind.CANCEL), -1, label(name));
        c.propagateCancel();
        return c;
    }

    /** Go's {@code WithCancelCause(parent)}: {@link CancelCauseContext#cancel(Exception)} records why (CTX-09). */
    public static CancelCauseContext withCancelCause(Context parent) {
        CancelCauseContext c = created(new CancelCauseContext(checkParent(parent)), -1, "");
        c.propagateCancel();
        return c;
    }

    /**
     * Go's {@code WithDeadline(parent, d)}: canceled with {@link #DEADLINE_EXCEEDED} at {@code d} on
     * the run's clock. If the parent's deadline is earlier, this is {@code withCancel(parent)}; if
     * {@code d} has passed, the context starts canceled (CTX-07).
     */
    public static CancelContext withDeadline(Context parent, Instant d) {
        return DeadlineContext.make(checkParent(parent), Objects.requireNonNull(d, "d"), null);
    }

    /** Go's {@code WithDeadlineCause}: as {@code withDeadline}, with {@code cause} as the cause on expiry only. */
    public static CancelContext withDeadlineCause(Context parent, Instant d, Exception cause) {
        return DeadlineContext.make(checkParent(parent), Objects.requireNonNull(d, "d"), cause);
    }

    /** Go's {@code WithTimeout(parent, timeout)}: {@code withDeadline(parent, Time.now() + timeout)}. */
    public static CancelContext withTimeout(Context parent, Duration timeout) {
        return withTimeoutCause(parent, timeout, null);
    }

    /** {@code withTimeout(parent, timeout)} with a name for the views, as {@link #withCancel(String, Context)}. */
    public static CancelContext withTimeout(String name, Context parent, Duration timeout) {
        Context p = checkParent(parent);
        Objects.requireNonNull(timeout, "timeout");
        Instant d = runtime("withTimeout").clock.now().plus(timeout);
        return DeadlineContext.make(p, d, null, label(name));
    }

    /** Go's {@code WithTimeoutCause}: as {@code withTimeout}, with {@code cause} as the cause on expiry only. */
    public static CancelContext withTimeoutCause(Context parent, Duration timeout, Exception cause) {
        Context p = checkParent(parent);
        Objects.requireNonNull(timeout, "timeout");
        Instant d = runtime("withTimeout").clock.now().plus(timeout);
        return DeadlineContext.make(p, d, cause);
    }

    /**
     * Go's {@code WithValue(parent, key, val)}: a context whose {@link #value} is {@code val} for
     * {@code key} (compared with {@code equals}); panics {@code nil key} for a null key (CTX-03).
     */
    public static Context withValue(Context parent, Object key, Object val) {
        Context p = checkParent(parent);
        if (key == null) {
            throw new Panic("nil key");
        }
        return created(new ValueCtx(p, key, val), -1,
                loomlab.engine.events.Event.text(key) + "=" + loomlab.engine.events.Event.text(val));
    }

    /** Go's {@code WithoutCancel(parent)}: the parent's values, but never canceled and no deadline (CTX-11). */
    public static Context withoutCancel(Context parent) {
        return created(new WithoutCancelCtx(checkParent(parent)), -1, "");
    }

    /**
     * Go's {@code context.AfterFunc(ctx, f)}: once {@code ctx} is canceled, runs {@code f} in a
     * goroutine of its own; at once if {@code ctx} is already canceled (CTX-10). Must be called
     * inside a run, whose goroutine {@code f} will be.
     */
    public static Stop afterFunc(Context ctx, Runnable f) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(f, "f");
        ContextAfterFunc a = new ContextAfterFunc(ctx, runtime("afterFunc"), f);
        a.propagateCancel();
        return a::stop;
    }

    /**
     * Go's {@code context.Cause(ctx)}: why {@code ctx} was canceled. The cause given to the first
     * cancellation of {@code ctx} or of an ancestor; {@code err()} if none was given; null while
     * {@code ctx} is not canceled (CTX-09).
     */
    public static Exception cause(Context ctx) {
        CancelContext c = ctx.nearestCancelable();
        return c == null ? null : c.causeOrNull();
    }

    // ---------------------------------------------------------------- Go's Context interface

    /**
     * Go's {@code Done()}: a channel closed when this context is canceled, to use in
     * {@code select(recv(ctx.done(), …))} or as {@code ctx.done().recv()}. The nil channel for a
     * context that can never be canceled, so such a case never fires (CTX-01).
     */
    public abstract RecvChan<Void> done();

    /** Go's {@code Err()}: null until {@code done()} is closed; then {@link #CANCELED} or {@link #DEADLINE_EXCEEDED}. */
    public abstract ContextError err();

    /** Go's {@code Deadline()}: when this context will be canceled by the clock, if ever. */
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    /** Go's {@code Value(key)}: the innermost binding of {@code key} from here to the root, or null (CTX-12). */
    public final Object value(Object key) {
        for (Context c = this; c != null; c = c.parent) {
            if (c instanceof ValueCtx v && Objects.equals(v.key, key)) {
                return v.val;
            }
        }
        return null;
    }

    /**
     * Go's {@code String()}: {@code context.Background.WithCancel},
     * {@code ….WithDeadline(2000-01-01 00:00:05 +0000 UTC [5s])}, {@code ….WithValue(k, v)},
     * {@code ….WithoutCancel} (CTX-12).
     */
    @Override
    public abstract String toString();

    // ---------------------------------------------------------------- the tree, for views and tests

    /** A stable id, unique within the JVM; the views key nodes by it. */
    public final long id() {
        return id;
    }

    public final ContextKind kind() {
        return kind;
    }

    /** The context this one was derived from; null for {@code background()} and {@code todo()}. */
    public final Context parent() {
        return parent;
    }

    /**
     * The contexts that canceling this one cancels directly: Go's {@code children} map, in the
     * order they were made. Empty once canceled (they are canceled too), and empty for contexts
     * that can never be canceled. A context derived through {@code withValue} is a child of the
     * nearest cancelable ancestor, as in Go; {@link #parent()} keeps the edge as written.
     */
    public List<Context> children() {
        return List.of();
    }

    /** True once {@code done()} is closed. */
    public final boolean isCanceled() {
        return err() != null;
    }

    /** {@code Context.cause(this)}. */
    public final Exception cause() {
        return cause(this);
    }

    /** A snapshot of this context for the views. */
    public ContextInfo info() {
        ContextError e = err();
        Exception c = cause();
        ContextInfo.State state = nearestCancelable() == null ? ContextInfo.State.UNCANCELABLE
                : e == null ? ContextInfo.State.ACTIVE : ContextInfo.State.CANCELED;
        String key = this instanceof ValueCtx v ? stringify(v.key) : null;
        String val = this instanceof ValueCtx v ? stringify(v.val) : null;
        List<Long> kids = children().stream().map(Context::id).toList();
        return new ContextInfo(id, parent == null ? 0 : parent.id, kind, state, deadline().orElse(null),
                e == null ? null : e.getMessage(), c == null ? null : errorText(c), key, val, kids);
    }

    // ---------------------------------------------------------------- internals

    /**
     * The cancelable context whose cancellation this one follows: itself, or the nearest such
     * ancestor through value contexts; null if none (Go's {@code parentCancelCtx}, and
     * {@code Value(&cancelCtxKey)}, which {@code withoutCancel} answers with nil).
     */
    CancelContext nearestCancelable() {
        for (Context c = this; c != null; c = c.parent) {
            switch (c) {
                case CancelContext cc -> {
                    return cc;
                }
                case ValueCtx v -> {
                    // Values do not cancel; look further up.
                }
                case Uncancelable u -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static String label(String name) {
        return Objects.requireNonNull(name, "name");
    }

    private static Context checkParent(Context parent) {
        if (parent == null) {
            throw new Panic("cannot create context from nil parent");
        }
        return parent;
    }

    /** The run of the calling goroutine; contexts with timers or functions belong to a run. */
    static Runtime runtime(String what) {
        Goroutine g = Goroutine.current();
        if (g == null) {
            throw new IllegalStateException("Context." + what + " was called outside a LoomLab run; "
                    + "timers and goroutines belong to a run: start the program with Runtime.run(main)");
        }
        return g.runtime;
    }

    /**
     * Go's {@code stringify}: a string as itself, null as {@code <nil>}, a value with its own
     * {@code toString} (Go's {@code Stringer}) by it, anything else by its type's name.
     */
    static String stringify(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String s) {
            return s;
        }
        try {
            if (v.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
                return v.toString();
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        String simple = v.getClass().getSimpleName();
        return simple.isEmpty() ? v.getClass().getName() : simple;
    }

    /** An error's text as Go's {@code Error()} would give it: the message, or the type for none. */
    static String errorText(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    // ---------------------------------------------------------------- the uncancelable kinds

    /** A context that is never canceled: nil {@code done()}, no err, no deadline (CTX-01, CTX-11). */
    abstract static sealed class Uncancelable extends Context permits EmptyCtx, WithoutCancelCtx {
        Uncancelable(Context parent, ContextKind kind) {
            super(parent, kind);
        }

        @Override
        public final RecvChan<Void> done() {
            return Chan.nil();
        }

        @Override
        public final ContextError err() {
            return null;
        }

        @Override
        public final Optional<Instant> deadline() {
            return Optional.empty();
        }
    }

    /** Go's {@code backgroundCtx} and {@code todoCtx}. */
    static final class EmptyCtx extends Uncancelable {
        private final String name;

        EmptyCtx(ContextKind kind, String name) {
            super(null, kind);
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Go's {@code valueCtx}: one key and value over a parent that does everything else. */
    static final class ValueCtx extends Context {
        final Object key;
        final Object val;

        ValueCtx(Context parent, Object key, Object val) {
            super(parent, ContextKind.VALUE);
            this.key = key;
            this.val = val;
        }

        @Override
        public RecvChan<Void> done() {
            return parent().done();
        }

        @Override
        public ContextError err() {
            return parent().err();
        }

        @Override
        public String toString() {
            return parent() + ".WithValue(" + stringify(key) + ", " + stringify(val) + ")";
        }
    }

    /** Go's {@code withoutCancelCtx}: the parent's values, nothing of its cancellation. */
    static final class WithoutCancelCtx extends Uncancelable {
        WithoutCancelCtx(Context parent) {
            super(parent, ContextKind.WITHOUT_CANCEL);
        }

        @Override
        public String toString() {
            return parent() + ".WithoutCancel";
        }
    }
}
