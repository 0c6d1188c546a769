package loomlab.engine;

/**
 * Go's {@code golang.org/x/sync/errgroup.Group}: goroutines working on parts of one task,
 * waited for together, with the first error kept and, optionally, a context canceled by it.
 * <pre>{@code
 * ErrGroup g = ErrGroup.withContext(Context.background());   // g, ctx := errgroup.WithContext(...)
 * Context ctx = g.context();
 * for (String task : tasks) {
 *     g.go(() -> fetch(ctx, task));                          // g.Go(func() error { ... })
 * }
 * Exception err = g.await();                                 // err := g.Wait()
 * }</pre>
 *
 * <h2>Errors</h2>
 * Go's task is a {@code func() error}; here it is a {@link Task} whose thrown exception is the
 * error it returns: returning normally is {@code return nil}, {@code throw e} is
 * {@code return e}. That keeps Java's way of failing and works inside {@code select} case bodies,
 * where a value cannot be returned. Any {@link Exception} counts as the error, except a
 * {@link Panic}: {@code Go.panic(v)} and the runtime's own panics ({@code send on closed channel}
 * …) crash the run as in a plain goroutine (EG-06), and so does any {@link Error}.
 * An unchecked bug such as a {@code NullPointerException}, which Go would call a runtime panic,
 * is therefore an error here; the rejected alternative, "only checked exceptions are errors",
 * would make errors unusable inside lambdas.
 *
 * <h2>The algorithm</h2>
 * As in x/sync: a {@link WaitGroup} counts the running tasks; a {@link Once} keeps the first
 * error and cancels the derived context with it as the cause; {@link #await()} waits, then
 * cancels the context (with the error, or {@link Context#CANCELED} if none) and returns the
 * error (EG-01, EG-02). The limit is a buffered channel used as a semaphore: {@code go} sends a
 * token before it starts a goroutine, the goroutine receives one when it ends, so a {@code go}
 * that waits for room shows in dumps and views as {@code [chan send]} (EG-04).
 *
 * <h2>Who writes what</h2>
 * {@code err}: once, inside {@code errOnce}, by the first failing task; read after the
 * WaitGroup has released {@link #await()}. {@code sem}: by {@link #setLimit}, which like Go's
 * must not run concurrently with {@code go}; volatile so that tasks see it.
 *
 * <p>Faithful to Go, a task that ends receives from the semaphore current when it ends: setting a
 * limit while tasks started without one are running does not panic (there are no tokens to
 * count), and those tasks then block as they end.
 *
 * <p>A task that panics does not count itself done (as {@link WaitGroup#go}), so {@code await}
 * cannot return and let {@code main} exit before the panic ends the run.
 *
 * <p>Reference: {@code golang.org/x/sync/errgroup/errgroup.go} (after the revert of golang/go#53757).
 */
public final class ErrGroup {
    /** Go's {@code func() error}: return normally for {@code nil}, throw the error otherwise. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /** Go's {@code token}: what the semaphore channel holds. */
    private enum Token { TOKEN }

    /** The derived context, canceled on the first error or by {@code await}; null for a plain group. */
    private final CancelCauseContext ctx;
    private final WaitGroup wg = new WaitGroup();
    private final Once errOnce = new Once();
    private volatile Exception err;
    private volatile Chan<Token> sem;

    /** Go's zero {@code Group}: no limit, and no context to cancel (EG-01). */
    public ErrGroup() {
        this.ctx = null;
    }

    private ErrGroup(CancelCauseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Go's {@code errgroup.WithContext(parent)}: a group whose {@link #context()} is derived from
     * {@code parent} and canceled, with the error as its cause, when a task first fails, or when
     * {@link #await()} returns (EG-02).
     */
    public static ErrGroup withContext(Context parent) {
        return new ErrGroup(Context.withCancelCause(parent));
    }

    /** The context of a group made by {@link #withContext}; the tasks watch its {@code done()}. */
    public Context context() {
        if (ctx == null) {
            throw new IllegalStateException("this ErrGroup has no context: it was made by new ErrGroup(); "
                    + "use ErrGroup.withContext(ctx)");
        }
        return ctx;
    }

    /**
     * Go's {@code g.Go(f)}: runs {@code f} in a new goroutine. With a limit, blocks while the limit's
     * worth of tasks are running ({@code [chan send]}); with a limit of 0, forever (EG-07).
     */
    public void go(Task f) {
        Chan<Token> s = sem;
        if (s != null) {
            s.send(Token.TOKEN);
        }
        start(f);
    }

    /** Go's {@code g.TryGo(f)}: starts {@code f} only if the limit allows; never blocks (EG-05). */
    public boolean tryGo(Task f) {
        Chan<Token> s = sem;
        if (s != null) {
            boolean[] sent = {false};
            Select.select(Select.send(s, Token.TOKEN, () -> sent[0] = true), Select.orElse(() -> { }));
            if (!sent[0]) {
                return false;
            }
        }
        start(f);
        return true;
    }

    /**
     * Go's {@code g.SetLimit(n)}: at most {@code n} tasks at once; {@code n < 0} removes the limit.
     * Panics {@code errgroup: modify limit while <k> goroutines in the group are still active}
     * if limited tasks are running (EG-04).
     */
    public void setLimit(int n) {
        if (n < 0) {
            sem = null;
            return;
        }
        Chan<Token> s = sem;
        if (s != null && s.len() != 0) {
            throw new Panic("errgroup: modify limit while " + s.len() + " goroutines in the group are still active");
        }
        sem = Chan.make(n);
    }

    /**
     * Go's {@code g.Wait()}: blocks until every task has returned, then cancels the context (if
     * any) and returns the first error, or null (EG-01, EG-02). Named {@code await} because
     * {@code wait} is {@link Object#wait()}.
     */
    public Exception await() {
        wg.await();
        if (ctx != null) {
            ctx.cancel(err);
        }
        return err;
    }

    private void start(Task f) {
        wg.add(1);
        Go.go(() -> {
            try {
                f.run();
            } catch (Panic p) {
                throw p; // a panic crashes the run (EG-06); this task never counts itself done
            } catch (Exception e) {
                errOnce.run(() -> {
                    err = e;
                    if (ctx != null) {
                        ctx.cancel(e);
                    }
                });
            }
            done();
        });
    }

    /** Go's {@code g.done()}: frees the task's slot in the limit, then counts it done. */
    private void done() {
        Chan<Token> s = sem;
        if (s != null) {
            s.recv();
        }
        wg.done();
    }
}
