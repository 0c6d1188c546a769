package loomlab.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * One goroutine (Go's {@code g}): a virtual thread plus what the runtime knows of it.
 *
 * <p>Who writes what: {@code id}, {@code name}, {@code runtime}, {@code creatorId} and
 * {@code createdAt} are final. {@code thread} is written once by the creator before the thread
 * starts. {@code state} and {@code waitReason} are written by the goroutine itself when it parks
 * and runs again, and by a waker in {@link Waiter#ready()}; they are volatile because the
 * deadlock detector and dumps read them from other threads.
 */
final class Goroutine implements Runnable, java.util.concurrent.Executor {
    /**
     * {@code Thread.currentCarrierThread()}, reachable with the same {@code --add-opens} as the
     * scheduler hook; null without it (then the JDK schedules goroutines, see {@link #JDK_SCHEDULED}).
     */
    private static final MethodHandle CARRIER = carrierThread();
    /** The goroutine of a virtual thread that the JDK's scheduler runs (the fallback), by thread-local. */
    private static final ThreadLocal<Goroutine> JDK_SCHEDULED = new ThreadLocal<>();

    final long id;
    final String name;
    final Runtime runtime;
    /**
     * {@code runtime.tracing}, copied: the hot paths of channels and select check it on every
     * operation, and one load is cheaper than two when nobody listens.
     */
    final boolean traced;
    final long creatorId;
    /** The learner's frame that said {@code go(...)}, or null for goroutine 1. */
    final StackTraceElement createdAt;
    Thread thread;
    /** What {@code go(...)} was given; run by {@link #run()} on this goroutine's thread. */
    private final Runnable body;
    /** The run's list of live goroutines ({@link LiveGoroutines}); guarded by its stripe's lock. */
    Goroutine livePrev;
    Goroutine liveNext;
    /** The continuation the JDK hands this goroutine ({@link #execute}) each time it becomes runnable. */
    Runnable task;
    /** The machine running this goroutine now; written by that machine before it runs the goroutine. */
    volatile Machine m;
    /** The learner's line at the last switch point of a traced deterministic run; written by this goroutine. */
    volatile String line;
    /** PCT priority in deterministic mode; written only by the deterministic scheduler's carrier. */
    int priority;

    /** Inside a traced channel operation ({@link #beginOp}); written and read only by this goroutine. */
    boolean inOp;

    volatile GoroutineState state = GoroutineState.RUNNABLE;
    volatile WaitReason waitReason;

    Goroutine(long id, String name, Runtime runtime, long creatorId, StackTraceElement createdAt, Runnable body) {
        this.id = id;
        this.body = body;
        this.name = name;
        this.runtime = runtime;
        this.traced = runtime.tracing;
        this.creatorId = creatorId;
        this.createdAt = createdAt;
    }

    /**
     * The JDK's call on LoomLab's schedulers: this goroutine's continuation is runnable (it starts,
     * was unparked or yields). The virtual thread was built with this goroutine as its scheduler
     * ({@link OwnScheduler#newThread}), so the continuation needs no lookup; it is the same object
     * every time, kept for the M that will run it.
     */
    @Override
    public void execute(Runnable continuation) {
        if (task == null) {
            task = continuation;
        }
        ((OwnScheduler) runtime.scheduler).ready(this);
    }

    /** The body of the virtual thread: the run's bookkeeping around what {@code go(...)} was given. */
    @Override
    public void run() {
        runtime.execute(this, body);
    }

    /**
     * The goroutine running on this thread, or null outside any run. On LoomLab's schedulers it is
     * the goroutine of the M whose carrier this virtual thread is mounted on; a platform thread (a
     * carrier between goroutines, a timer) is no goroutine.
     */
    static Goroutine current() {
        Thread t = Thread.currentThread();
        if (!t.isVirtual()) {
            return null;
        }
        if (carrierOf() instanceof MachineThread carrier) {
            Goroutine g = carrier.machine.current;
            return g != null && g.thread == t ? g : null;
        }
        return JDK_SCHEDULED.get();
    }

    private static Thread carrierOf() {
        if (CARRIER == null) {
            return null;
        }
        try {
            return (Thread) CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Called first on the goroutine's own thread: only the JDK's scheduler needs a thread-local. */
    void bind() {
        if (!runtime.ownsScheduling()) {
            JDK_SCHEDULED.set(this);
        }
    }

    void unbind() {
        if (!runtime.ownsScheduling()) {
            JDK_SCHEDULED.remove();
        }
    }

    private static MethodHandle carrierThread() {
        try {
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A traced send, receive or select begins: its events share one reading of the clock (a send
     * that wakes a receiver records four; each read costs 25-40 ns here, more than the rest of an
     * event). Only between this and {@link #endOp}, which every exit of the operation calls (and
     * before any learner's code runs), and never across a park: after one, {@link Runtime#running}
     * starts a new reading.
     */
    void beginOp() {
        inOp = true;
        Machine m = this.m;
        if (m != null) {
            m.opNanos = -1;
        }
    }

    /**
     * The current goroutine (null outside a run) at the start of a send or a receive: the
     * operation's switch point, then, if traced, {@link #beginOp}.
     */
    static Goroutine enterChanOp() {
        Goroutine g = current();
        if (g != null) {
            g.runtime.switchPoint(g);
            if (g.traced) {
                g.beginOp();
            }
        }
        return g;
    }

    void endOp() {
        inOp = false;
        Machine m = this.m;
        if (m != null) {
            m.opNanos = 0;
        }
    }

    /**
     * Ends {@code g}'s operation if it is in one: before the operation returns, throws, or runs
     * the learner's code (a select case's body), so that nothing outside it borrows its time.
     */
    static void endOp(Goroutine g) {
        if (g != null && g.inOp) {
            g.endOp();
        }
    }

    /** The time for an event this goroutine records now: its operation's, or the clock's. */
    long eventNanos(Clock clock) {
        Machine m = this.m;
        if (inOp && m != null && m.current == this && m.opNanos != 0) {
            return m.opNanos > 0 ? m.opNanos : (m.opNanos = clock.nanos());
        }
        return clock.nanos();
    }

    /** Marks this goroutine parked for {@code reason}. Called with the lock of what it waits on held. */
    boolean park(WaitReason reason) {
        return park(reason, 0);
    }

    /** {@link #park(WaitReason)} on a known object (channel, lock, …) of the run. */
    boolean park(WaitReason reason, long object) {
        waitReason = reason;
        state = GoroutineState.WAITING;
        if (runtime.tracing) {
            runtime.emit(this, new loomlab.engine.events.Event.GoBlock(id, reason.text(), object));
        }
        return runtime.blocked();
    }

    /** Marks this goroutine runnable again. Called by its waker, exactly once per {@link #park}. */
    void ready() {
        waitReason = null;
        state = GoroutineState.RUNNABLE;
        if (runtime.tracing) {
            Goroutine by = current();
            runtime.emit(by, new loomlab.engine.events.Event.GoUnblock(id, by == null ? 0 : by.id));
        }
        runtime.unblocked();
    }

    GoroutineInfo info() {
        Thread t = thread;
        List<StackTraceElement> stack = t == null ? List.of() : List.of(t.getStackTrace());
        return new GoroutineInfo(id, name, state, waitReason, creatorId, createdAt, Traceback.userFrames(stack));
    }
}
