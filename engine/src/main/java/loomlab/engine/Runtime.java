package loomlab.engine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import loomlab.engine.events.Event;
import loomlab.engine.events.EventListener;
import loomlab.engine.events.Traced;

/**
 * One run of a program: goroutine 1 runs {@code main}; the run ends when {@code main} returns
 * (goroutines still alive are reported as leaks, never waited for), when a goroutine panics and
 * nobody recovers, on a fatal error, or on a deadlock.
 *
 * <h2>Deadlock detection</h2>
 * The runtime counts live goroutines and goroutines parked in engine operations, packed into one
 * {@link AtomicLong} ({@code live << 32 | blocked}) so that both are read in one step. A goroutine
 * counts itself blocked while it holds the lock of what it waits on, after it has queued itself;
 * a waker counts it unblocked before the waker can itself block. So when an increment makes
 * {@code blocked == live}, no goroutine is running and none can wake another: Go's
 * {@code checkdead}. A goroutine in {@code Thread.sleep}, real I/O or a loop is not blocked in an
 * engine operation, so it keeps the program alive, as a syscall does in Go.
 */
public final class Runtime {
    private static final long ONE_LIVE = 1L << 32;
    private static final long BLOCKED_MASK = ONE_LIVE - 1;
    private static final StackWalker WALKER = StackWalker.getInstance();
    /** How many of the learner's frames an event's stack keeps. */
    private static final int STACK_FRAMES = 8;
    /**
     * On the virtual clock, how many timers may fire in a row without waking any goroutine before
     * the run is called a deadlock (a ticker nobody reads would otherwise spin time forever).
     */
    private static final int MAX_IDLE_FIRINGS = 1_000_000;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean recordCreators;
    final Scheduler scheduler;
    private final RunMode mode;
    final Clock clock;
    final TimerQueue timers;
    /** Receives every event of the run; null when nobody listens (then nothing is recorded). */
    private final EventListener listener;
    /** Whether events are recorded: every emission site checks this first. */
    final boolean tracing;
    /**
     * Serialises stamping, so sequence numbers and times are in order; guards {@code eventSeq}.
     * A spin lock, held for a few instructions that cannot block: carrier threads stamp events
     * too, and a carrier must never park waiting for a goroutine that only a carrier can run
     * (see {@link EventDispatcher}).
     */
    private final java.util.concurrent.atomic.AtomicBoolean eventLock = new java.util.concurrent.atomic.AtomicBoolean();
    private long eventSeq;
    /** The time of the last event; guarded by {@code eventLock}. */
    private long eventNanos;
    /** Calls the listener, on a thread of its own; null without a listener. */
    private final EventDispatcher dispatcher;
    /** Ids of channels, contexts, timers and locks, per run, in creation order. */
    private final AtomicLong objectIds = new AtomicLong();
    /** Held while deciding, with every goroutine blocked, whether to advance virtual time or report a deadlock. */
    private final ReentrantLock asleepLock = new ReentrantLock();

    private final AtomicLong nextId = new AtomicLong();
    /** Every live goroutine, for dumps, leaks and the end of the run. */
    private final LiveGoroutines goroutines = new LiveGoroutines();
    /** {@code live << 32 | blocked}; see the class comment. */
    private final AtomicLong counts = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ending = new AtomicBoolean();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private volatile boolean over;
    /**
     * Set when {@code main} has returned or the run ends otherwise: from then on only the leaks,
     * a deadlock and the exit are recorded. (The leak report walks the live goroutines' stacks;
     * the JDK suspends a runnable virtual thread for the walk and then submits it again, which
     * queues it a second time. Recorded, that push and the pops of both entries drew a leaked
     * goroutine in two queues.)
     */
    private volatile boolean onlyEndEvents;

    private Runtime(Builder b) {
        this.out = b.out;
        this.err = b.err;
        this.recordCreators = b.recordCreators;
        this.mode = b.mode;
        this.listener = b.listener;
        this.tracing = b.listener != null;
        this.dispatcher = tracing ? new EventDispatcher(listener) : null;
        ClockMode clockMode = b.mode == RunMode.DETERMINISTIC ? ClockMode.VIRTUAL : b.clock;
        this.clock = clockMode == ClockMode.VIRTUAL ? new Clock.Virtual() : new Clock.Real();
        this.timers = new TimerQueue(clock, this);
        this.scheduler = chooseScheduler(b);
    }

    private Scheduler chooseScheduler(Builder b) {
        Scheduler s = null;
        if (b.mode == RunMode.DETERMINISTIC) {
            s = DeterministicScheduler.create(this, b.policy, b.seed, b.controller);
            if (s == null) {
                throw new IllegalStateException("deterministic runs need LoomLab's scheduler: run java with "
                        + "--add-opens java.base/java.lang=ALL-UNNAMED");
            }
        } else if (!b.jdkScheduler) {
            s = GmpScheduler.create(this, b.procs);
            if (s == null) {
                Scheduler.warnFallback();
            }
        }
        return s != null ? s : new JdkScheduler();
    }

    // ---------------------------------------------------------------- events

    /** The next id for a channel, context, timer or lock of this run. */
    long nextObjectId() {
        return objectIds.incrementAndGet();
    }

    /** Records {@code e}, caused by {@code g} (null: a timer, the scheduler, outside). Call only when {@link #tracing}. */
    void emit(Goroutine g, Event e) {
        Machine m = g != null ? g.m : null;
        Processor p = m != null ? m.p : null;
        emit(g, p != null ? p.id : -1, m != null ? m.id : -1, e);
    }

    /** Records {@code e} with an explicit P and M (the scheduler's own events). */
    void emit(Goroutine g, int p, int m, Event e) {
        if (onlyEndEvents && !(e instanceof Event.Exit || e instanceof Event.Deadlock || e instanceof Event.Leak)) {
            return;
        }
        long gid = g != null ? g.id : 0;
        String line = g != null ? g.line : null;
        long now = g != null ? g.eventNanos(clock) : clock.nanos(); // before the lock: the clock is the dearest part
        while (!eventLock.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        try {
            // Two emitters may read the clock in one order and take the lock in the other; times
            // stay in sequence order by taking the later of the two.
            if (now < eventNanos) {
                now = eventNanos;
            }
            eventNanos = now;
            dispatcher.enqueue(new Traced(++eventSeq, now, gid, p, m, line, e));
        } finally {
            eventLock.setRelease(false);
        }
    }

    /** REAL or DETERMINISTIC. */
    public RunMode mode() {
        return mode;
    }

    /** Whether LoomLab's own scheduler runs this run's goroutines (false: the JDK's fallback). */
    public boolean ownsScheduling() {
        return scheduler.ownsScheduling();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code main} with the default settings, printing to {@code System.out} and {@code System.err}. */
    public static RunResult run(Runnable main) {
        return builder().build().start(main);
    }

    /** Runs {@code main} as goroutine 1 and waits until the run ends. A Runtime runs one program. */
    public RunResult start(Runnable main) {
        Objects.requireNonNull(main, "main");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this Runtime has already run a program; build a new one for each run");
        }
        spawn(null, "main", main);
        RunResult r = result.join();
        if (dispatcher != null) {
            while (!eventLock.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
            long last = eventSeq;
            eventLock.set(false);
            dispatcher.drainAndStop(last); // every event has reached the listener when start returns
        }
        return r;
    }

    /** The goroutines alive now, ordered by id, with their states and stacks. */
    public List<GoroutineInfo> goroutines() {
        List<GoroutineInfo> all = new ArrayList<>();
        for (Goroutine g : goroutines.snapshot()) {
            all.add(g.info());
        }
        all.sort(Comparator.comparingLong(GoroutineInfo::id));
        return all;
    }

    /** Go's {@code runtime.NumGoroutine()}. */
    int numGoroutine() {
        return (int) (counts.get() >>> 32);
    }

    boolean isOver() {
        return over;
    }

    PrintStream out() {
        return out;
    }

    // ---------------------------------------------------------------- goroutines

    void spawn(Goroutine parent, String name, Runnable body) {
        if (over) {
            throw new GoroutineExit();
        }
        if (body == null) {
            throw fatal(parent, "go of nil func value");
        }
        long id = nextId.incrementAndGet();
        StackTraceElement at = parent != null && recordCreators ? callerFrame() : null;
        Goroutine g = new Goroutine(id, name, this, parent == null ? 0 : parent.id, at, body);
        counts.addAndGet(ONE_LIVE);
        goroutines.add(g);
        if (tracing) {
            emit(parent, new Event.GoCreate(id, parent == null ? 0 : parent.id, name));
        }
        g.thread = scheduler.newThread(g, g);
        scheduler.start(g);
    }

    /** Starts {@code body} in a goroutine on behalf of a timer or a context; nothing once the run is over. */
    void spawnFromTimer(String name, Runnable body) {
        try {
            spawn(null, name, body);
        } catch (GoroutineExit e) {
            // The run ended meanwhile.
        }
    }

    void execute(Goroutine g, Runnable body) {
        g.bind();
        g.state = GoroutineState.RUNNING;
        if (tracing) {
            emit(g, new Event.GoStart(g.id));
        }
        boolean isMain = g.id == 1;
        try {
            if (over) {
                return; // started after the run ended: Go would never have run it
            }
            body.run();
            if (isMain) {
                mainReturned();
            }
        } catch (GoroutineExit | Fatal e) {
            // The run has ended already; this goroutine just unwinds.
        } catch (Throwable t) {
            panicked(g, t);
        } finally {
            g.state = GoroutineState.DEAD;
            if (tracing) {
                emit(g, new Event.GoEnd(g.id));
            }
            goroutines.remove(g);
            g.unbind();
            long c = counts.addAndGet(-ONE_LIVE);
            if (!isMain && allAsleep(c)) {
                everyoneAsleep();
            }
        }
    }

    /** The learner's frames of the current stack, innermost first, at most {@link #STACK_FRAMES}; null if none. */
    private static String learnerStack() {
        return WALKER.walk(frames -> {
            List<String> at = frames.filter(f -> !Traceback.hidden(f.getClassName()))
                    .limit(STACK_FRAMES)
                    .map(f -> Traceback.location(f.toStackTraceElement()))
                    .toList();
            return at.isEmpty() ? null : String.join(Traced.FRAME_SEPARATOR, at);
        });
    }

    private static StackTraceElement callerFrame() {
        return WALKER.walk(frames -> frames
                .filter(f -> !Traceback.hidden(f.getClassName()))
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .orElse(null));
    }

    // ---------------------------------------------------------------- blocking, for the deadlock detector

    /** Counts one more goroutine blocked; true if now every live goroutine is. */
    boolean blocked() {
        return allAsleep(counts.incrementAndGet());
    }

    void unblocked() {
        counts.decrementAndGet();
    }

    private static boolean allAsleep(long c) {
        long live = c >>> 32;
        return live > 0 && (c & BLOCKED_MASK) == live;
    }

    /** Called by a goroutine that has just counted itself blocked, after releasing its locks. */
    static void parkOrDeadlock(Goroutine g, boolean allAsleep) {
        if (allAsleep) {
            g.runtime.everyoneAsleep();
        }
    }

    /**
     * Every goroutine is blocked (Go's {@code checkdead}). With timers pending this is no deadlock
     * (DL-02): on the real clock the timer thread will wake someone; on the virtual clock time jumps
     * to the next timer now, again and again while its firing wakes nobody. With no timer pending it
     * is a deadlock.
     */
    private void everyoneAsleep() {
        for (int fired = 0; ; fired++) {
            asleepLock.lock();
            try {
                if (over || !allAsleep(counts.get())) {
                    return;
                }
                if (clock instanceof Clock.Real) {
                    if (timers.idleAnd(() -> allAsleep(counts.get()))) {
                        deadlock();
                    }
                    return;
                }
                if (fired == MAX_IDLE_FIRINGS || !timers.fireNext()) {
                    deadlock();
                    return;
                }
            } finally {
                asleepLock.unlock();
            }
        }
    }

    /** The real clock's timer thread fired a batch: if that woke nobody and no timer is left, it is a deadlock. */
    void timersFired() {
        if (allAsleep(counts.get())) {
            everyoneAsleep();
        }
    }

    /** The clock of this run. */
    Clock clock() {
        return clock;
    }

    /** A point where a deterministic run may switch goroutines: every engine operation calls it. */
    static void switchPoint() {
        Goroutine g = Goroutine.current();
        if (g != null) {
            g.runtime.switchPoint(g);
        }
    }

    /**
     * {@link #switchPoint()} for a known goroutine; in a traced deterministic run it notes where
     * the learner's code is: its stack, innermost frame first ({@link Traced#line()}).
     */
    void switchPoint(Goroutine g) {
        if (tracing && mode == RunMode.DETERMINISTIC) {
            g.line = learnerStack();
        }
        scheduler.switchPoint(g);
    }

    /** A random int in [0, bound): from the run's seed in a deterministic run ({@code g}: the caller). */
    static int randomInt(Goroutine g, int bound) {
        if (g != null && g.runtime.scheduler instanceof DeterministicScheduler d) {
            return d.random.nextInt(bound);
        }
        return java.util.concurrent.ThreadLocalRandom.current().nextInt(bound);
    }

    /** Called by a goroutine that was woken, on its way back to running. */
    static void running(Goroutine g) {
        if (g != null) {
            g.state = GoroutineState.RUNNING;
            if (g.inOp && g.m != null) {
                g.m.opNanos = -1; // time has passed while it was parked
            }
            if (g.traced) {
                g.runtime.emit(g, new Event.GoStart(g.id));
            }
        }
    }

    /** Blocks the current goroutine forever: nil channels, {@code select {}}. */
    static void blockForever(WaitReason reason) {
        Goroutine g = Goroutine.current();
        if (g != null) {
            parkOrDeadlock(g, g.park(reason));
        }
        Object blocker = new Object();
        for (;;) {
            Waiter.parkOnce(g, blocker);
        }
    }

    // ---------------------------------------------------------------- how a run ends

    private void mainReturned() {
        onlyEndEvents = true;
        List<GoroutineInfo> leaks = new ArrayList<>();
        for (GoroutineInfo info : goroutines()) {
            // DEAD: it ended while main returned (its GoEnd came too late to be recorded); not a leak.
            if (info.id() != 1 && info.state() != GoroutineState.DEAD) {
                leaks.add(info);
            }
        }
        if (tracing) {
            for (GoroutineInfo leak : leaks) {
                emit(null, new Event.Leak(leak.id(), leak.waitReason() != null ? leak.waitReason().text()
                        : leak.state().text()));
            }
        }
        finish(new RunResult(0, new Outcome.Exited(), "", List.copyOf(leaks)));
    }

    private void panicked(Goroutine g, Throwable t) {
        Object value = t instanceof Panic p ? p.value() : t;
        if (tracing) {
            emit(g, new Event.GoPanic(g.id, Event.text(Panic.describe(value))));
        }
        StringBuilder report = new StringBuilder("panic: ").append(Panic.describe(value)).append("\n\n");
        GoroutineInfo info = new GoroutineInfo(g.id, g.name, GoroutineState.RUNNING, null, g.creatorId, g.createdAt,
                Traceback.userFrames(List.of(t.getStackTrace())));
        Traceback.append(report, info);
        finish(new RunResult(2, new Outcome.Panicked(g.id, value, t), report.toString(), List.of()));
    }

    /** Ends the run with Go's {@code fatal error: message}; returns the error to throw. */
    Fatal fatal(Goroutine g, String message) {
        StringBuilder report = new StringBuilder("fatal error: ").append(message).append("\n\n");
        if (g != null) {
            GoroutineInfo info = new GoroutineInfo(g.id, g.name, GoroutineState.RUNNING, null, g.creatorId,
                    g.createdAt, Traceback.userFrames(List.of(new Throwable().getStackTrace())));
            Traceback.append(report, info);
        }
        finish(new RunResult(2, new Outcome.Fatal(g == null ? 0 : g.id, message), report.toString(), List.of()));
        return new Fatal(message);
    }

    private void deadlock() {
        List<GoroutineInfo> all = goroutines();
        StringBuilder report = new StringBuilder("fatal error: all goroutines are asleep - deadlock!\n");
        for (GoroutineInfo g : all) {
            report.append('\n');
            Traceback.append(report, g);
        }
        if (tracing) {
            emit(null, new Event.Deadlock(report.toString()));
        }
        finish(new RunResult(2, new Outcome.Deadlocked(all), report.toString(), List.of()));
    }

    private void finish(RunResult r) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        over = true;
        onlyEndEvents = true;
        if (tracing) {
            emit(null, new Event.Exit(r.exitStatus(), r.report()));
        }
        timers.shutdown();
        scheduler.shutdown();
        if (!r.report().isEmpty()) {
            err.print(r.report());
            err.flush();
        }
        out.flush();
        result.complete(r);
        for (Goroutine g : goroutines.snapshot()) {
            Thread t = g.thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Settings of a run. */
    public static final class Builder {
        private PrintStream out = System.out;
        private PrintStream err = System.err;
        private boolean recordCreators = true;
        private ClockMode clock = ClockMode.REAL;
        private RunMode mode = RunMode.REAL;
        private int procs = java.lang.Runtime.getRuntime().availableProcessors();
        private long seed = 1;
        private SchedulePolicy policy = SchedulePolicy.RANDOM;
        private RunController controller;
        private boolean jdkScheduler;
        private EventListener listener;

        private Builder() {
        }

        /** Receives every event of the run (see {@link Event}); without one, nothing is recorded. */
        public Builder events(EventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** REAL (the default) or DETERMINISTIC; a deterministic run always has a virtual clock. */
        public Builder mode(RunMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** GOMAXPROCS: how many Ps (default: the number of CPUs). */
        public Builder procs(int procs) {
            if (procs < 1 || procs > 256) {
                throw new IllegalArgumentException("procs (GOMAXPROCS) must be between 1 and 256, not " + procs);
            }
            this.procs = procs;
            return this;
        }

        /** The seed of a deterministic run's policy and of its selects' random choices. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How a deterministic run picks the next goroutine (default RANDOM). */
        public Builder policy(SchedulePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Pause, step and resume a deterministic run from outside. */
        public Builder controller(RunController controller) {
            this.controller = Objects.requireNonNull(controller, "controller");
            return this;
        }

        /** Schedule goroutines with the JDK's own scheduler instead of LoomLab's (for comparisons). */
        public Builder jdkScheduler() {
            this.jdkScheduler = true;
            return this;
        }

        /** The clock the run reads: real (the default) or virtual. */
        public Builder clock(ClockMode clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where the program's output goes ({@code Go.println}). */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Where panics, fatal errors and deadlock dumps go. */
        public Builder err(PrintStream err) {
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * Whether {@code go(...)} records the learner's line that started each goroutine, for the
         * {@code created by} lines of dumps (about a microsecond per goroutine). On by default.
         */
        public Builder recordCreators(boolean record) {
            this.recordCreators = record;
            return this;
        }

        public Runtime build() {
            return new Runtime(this);
        }
    }
}
