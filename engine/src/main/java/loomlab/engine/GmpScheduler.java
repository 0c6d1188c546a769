package loomlab.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import loomlab.engine.events.Event;

/**
 * Go's scheduler ({@code runtime/proc.go}) for the goroutines of one run: GOMAXPROCS Ps, Ms that
 * each hold a P and loop over {@link #findRunnable}, a global run queue, work stealing, spinning
 * Ms, syscall hand-off and a sysmon thread.
 *
 * <h2>Glossary</h2>
 * G: a goroutine (a virtual thread; its continuation is what runs). M: a machine, here a platform
 * carrier thread. P: a processor, the right to run Gs, with a {@code runnext} slot and a local run
 * queue of 256. Every runnable G is in exactly one place: a P's {@code runnext}, a P's local queue,
 * the global queue, or being run by an M.
 *
 * <h2>Where a G goes when it becomes runnable ({@link #execute})</h2>
 * The JDK calls the G's own {@code execute} with its continuation when the G starts, is unparked or
 * yields. If the caller is a goroutine of this run, running on an M that holds a P, the G goes
 * into that P's {@code runnext}: {@code go f()} and a G woken by a channel operation run next on
 * the creator's or waker's P (GMP-02). Otherwise (a timer thread, a yield — the JDK calls from the
 * carrier after the G has unmounted — or outside the run) it goes to the global queue (GMP-08).
 * Then {@link #wakep()} wakes an idle M, unless one is spinning already (GMP-07).
 *
 * <h2>{@link #findRunnable}, in Go's order (GMP-05)</h2>
 * every 61st tick one G from the global queue; runnext, then the local queue; a batch from the
 * global queue; steal half of another P's queue (GMP-06), but only a queue that waits: its owner
 * has taken nothing from it for several looks, or it is long ({@link StealWatch}; Go steals at
 * the first look, which costs goroutines that talk to each other a move between carriers); and
 * another P's {@code runnext} only once the same goroutine has waited there through several
 * looks, which stands in for Go's {@code usleep(3)}; spin a little while (only with
 * GOMAXPROCS > 1, and at most half the Ps spinning: with one carrier the partner could never run
 * while we spin); then park the M.
 *
 * <h2>Idle protocol</h2>
 * An M sets its state to IDLE, looks at every queue once more, and parks only if still IDLE.
 * A producer puts its G in a queue first and then moves one IDLE M to RUNNING and unparks it.
 * Because each side writes before it reads the other's state, no wake-up is lost.
 *
 * <h2>Syscalls (GMP-11)</h2>
 * {@code Go.syscall} marks the G's P as in a syscall. Sysmon retakes such a P after 20 µs when
 * there is other work (always after 10 ms) and hands it to a spare M, so other Gs keep running.
 * On return the G keeps its P if it still has it; otherwise it takes an idle P, or yields to the
 * global queue and its M becomes a spare.
 *
 * <h2>Rejected</h2>
 * Go's lock-free run queues: each P's queue here is guarded by the P's monitor, which is short
 * and easier to read. Preemption (GMP-10): a virtual thread cannot be preempted; a G in a tight
 * loop keeps its M.
 */
final class GmpScheduler extends OwnScheduler {
    /** Rounds of looking for work before an idle M parks (about 400 µs: 64 pauses of 25 ns a round here). */
    private static final int SPIN_ROUNDS = 256;
    /** Pause instructions between two looks of a spinning M. */
    private static final int SPIN_PAUSES = 64;
    /** Sysmon's shortest and longest sleep (GMP-09). */
    private static final long SYSMON_MIN_NANOS = 20_000;
    private static final long SYSMON_MAX_NANOS = 10_000_000;
    /** A P in a syscall this long is retaken if there is other work (GMP-11). */
    private static final long SYSCALL_RETAKE_NANOS = 20_000;
    /** ... and this long, always. */
    private static final long SYSCALL_FORCE_NANOS = 10_000_000;

    private final Processor[] ps;
    private final GlobalRunQueue global;
    private final List<Machine> ms = new CopyOnWriteArrayList<>();
    private final AtomicInteger spinning = new AtomicInteger();
    private final AtomicInteger inSyscall = new AtomicInteger();
    private final AtomicInteger nextM = new AtomicInteger();
    private volatile boolean shutdown;
    private Thread sysmon;

    private GmpScheduler(Runtime runtime, int procs) {
        super(runtime);
        this.global = new GlobalRunQueue(runtime);
        this.ps = new Processor[procs];
        for (int i = 0; i < procs; i++) {
            ps[i] = new Processor(i, runtime);
        }
        for (Processor p : ps) {
            startMachine(p);
        }
    }

    /** Our scheduler, or null when the JDK hook is not available. */
    static GmpScheduler create(Runtime runtime, int procs) {
        return hookAvailable() ? new GmpScheduler(runtime, procs) : null;
    }

    int procs() {
        return ps.length;
    }

    // ---------------------------------------------------------------- a G becomes runnable

    @Override
    void ready(Goroutine g) {
        Goroutine cur = Goroutine.current();
        Machine m = cur != null && cur.runtime == runtime ? cur.m : null;
        Processor p = m != null && m.current == cur ? m.p : null;
        if (p != null) {
            List<Goroutine> overflow = p.put(g, true, cur, m.id);
            if (overflow != null) {
                global.putAll(overflow);
            }
        } else {
            global.put(g);
        }
        wakep();
    }

    /** Wakes one idle M that holds a P, unless an M is spinning and will find the work itself. */
    private void wakep() {
        if (spinning.get() > 0) {
            return;
        }
        for (Machine m : ms) {
            if (m.p != null && m.state.get() == Machine.IDLE && m.state.compareAndSet(Machine.IDLE, Machine.RUNNING)) {
                if (runtime.tracing) {
                    runtime.emit(null, m.p.id, m.id, new Event.MUnpark(m.id));
                }
                LockSupport.unpark(m.thread);
                return;
            }
        }
    }

    /**
     * A G about to park spins first only if its P has nothing else to run (else the partner may
     * be the very G waiting in this P's queue) and another M is running a G that could be the
     * partner. With one P it never spins: the partner could not run meanwhile.
     */
    @Override
    boolean spinBeforePark(Goroutine g) {
        if (ps.length == 1) {
            return false;
        }
        Machine m = g.m;
        Processor p = m == null ? null : m.p;
        if (p == null || p.hasWork() || !global.isEmpty()) {
            return false;
        }
        for (Machine other : ms) {
            if (other != m && other.current != null) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the M loop

    private Machine startMachine(Processor p) {
        Machine m = newMachine(p);
        m.thread.start();
        return m;
    }

    /** A new M holding {@code p}, its thread not started yet. */
    private Machine newMachine(Processor p) {
        Machine m = new Machine(nextM.getAndIncrement());
        if (p != null) {
            synchronized (p) {
                p.owner = m;
            }
        }
        m.p = p;
        ms.add(m);
        m.thread = new MachineThread(m, "loomlab-m" + m.id, () -> loop(m));
        if (runtime.tracing) {
            runtime.emit(null, p == null ? -1 : p.id, m.id, new Event.MStart(m.id));
        }
        return m;
    }

    /** Go's {@code schedule()}: find a G, run it until it parks, yields or ends; again. */
    private void loop(Machine m) {
        for (;;) {
            Processor p = m.p;
            if (p == null) {
                if (!parkSpare(m)) {
                    return;
                }
                continue;
            }
            Goroutine g = findRunnable(m, p);
            if (g == null) {
                if (shutdown && !anyWork(p)) {
                    return;
                }
                continue;
            }
            g.m = m;
            m.current = g;
            m.opNanos = 0;
            g.task.run();
            m.current = null;
            reclaimFromUnmountedSyscall(m, g);
        }
    }

    private Goroutine findRunnable(Machine m, Processor p) {
        Goroutine g = tryFind(m, p, false);
        if (g != null) {
            return g;
        }
        if (ps.length > 1 && 2 * spinning.get() < ps.length && !shutdown) {
            spinning.incrementAndGet();
            try {
                for (int round = 0; round < SPIN_ROUNDS; round++) {
                    g = tryFind(m, p, true);
                    if (g != null) {
                        return g;
                    }
                    for (int pause = 0; pause < SPIN_PAUSES; pause++) {
                        Thread.onSpinWait(); // look less often: every look pulls the Ps' cache lines
                    }
                }
            } finally {
                spinning.decrementAndGet();
            }
        }
        // Park, by the idle protocol of the class comment.
        m.state.set(Machine.IDLE);
        if (anyWork(p) || shutdown) {
            m.state.set(Machine.RUNNING);
            return null;
        }
        if (runtime.tracing) {
            runtime.emit(null, p.id, m.id, new Event.MPark(m.id));
        }
        while (m.state.get() == Machine.IDLE && !shutdown) {
            LockSupport.park(this);
        }
        m.state.set(Machine.RUNNING);
        return null;
    }

    /** One look in Go's order; see the class comment. */
    private Goroutine tryFind(Machine m, Processor p, boolean stealRunnext) {
        if (++p.schedtick % 61 == 0 && !global.isEmpty()) {
            Goroutine g = global.poll();
            if (g != null) {
                return traced(m, p, g, new Event.GlobalPop(p.id, g.id));
            }
        }
        Goroutine g = p.get(m.id); // recorded by p, under its lock
        if (g != null) {
            return g;
        }
        if (!global.isEmpty()) {
            g = global.pollBatch(p, ps.length, m.id);
            if (g != null) {
                return traced(m, p, g, new Event.GlobalPop(p.id, g.id));
            }
        }
        return steal(m, p, stealRunnext);
    }

    private Goroutine traced(Machine m, Processor p, Goroutine g, Event e) {
        if (runtime.tracing) {
            runtime.emit(null, p.id, m.id, e);
        }
        return g;
    }

    /** Go's {@code stealWork}: visit the other Ps from a random start; take half a queue. */
    private Goroutine steal(Machine m, Processor self, boolean stealRunnext) {
        int n = ps.length;
        if (n == 1) {
            return null;
        }
        if (m.stealWatch == null) {
            m.stealWatch = new StealWatch(n);
        }
        StealWatch watch = m.stealWatch;
        int start = ThreadLocalRandom.current().nextInt(n);
        for (int i = 0; i < n; i++) {
            Processor victim = ps[(start + i) % n];
            if (victim == self || !victim.hasWork()) {
                continue;
            }
            // Counted at every look, also when runnext is all the P holds: the patience then
            // carries over to a queue that forms behind it.
            boolean queueWaited = watch.queueWaited(victim.id, victim.gets(), victim.queued());
            boolean takeRunnext = false;
            if (victim.onlyRunnext()) {
                takeRunnext = watch.runnextWaited(victim.id, victim.runnextStamp()) && stealRunnext;
                if (!takeRunnext) {
                    continue;
                }
            } else if (!queueWaited) {
                continue; // its owner is getting through it: leave the work where it flows
            }
            // Recorded by the victim under its lock, so before they are in self's queue too.
            List<Goroutine> got = victim.grabHalf(takeRunnext, watch.stamp(victim.id), self.id, m.id);
            if (!got.isEmpty()) {
                if (got.size() > 1) {
                    self.addAll(got.subList(1, got.size()));
                }
                return got.get(0);
            }
        }
        return null;
    }

    private boolean anyWork(Processor p) {
        if (!global.isEmpty() || p.hasWork()) {
            return true;
        }
        for (Processor q : ps) {
            if (q.hasWork()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- syscalls and sysmon

    @Override
    void enterSyscall(Goroutine g) {
        Machine m = g.m;
        Processor p = m == null ? null : m.p;
        if (p == null) {
            return;
        }
        long now = Clock.SYSTEM.nanos(); // real time: a syscall takes real time on any clock
        synchronized (p) {
            p.syscallSince = now;
            p.syscallG = g;
        }
        inSyscall.incrementAndGet();
        startSysmon();
    }

    @Override
    void exitSyscall(Goroutine g) {
        inSyscall.decrementAndGet();
        Machine m = g.m;
        Processor p = m == null ? null : m.p;
        if (p != null) {
            synchronized (p) {
                if (p.syscallG == g) {
                    p.syscallG = null;
                }
                if (p.owner == m && m.p == p) {
                    return; // kept its P (or runs on another M that has one)
                }
            }
        }
        Processor idle = takeIdleP(m);
        if (idle != null) {
            return;
        }
        // No P: wait in the global queue; this M becomes a spare when the G has unmounted.
        Thread.yield();
    }

    /** Gives {@code m} an idle P, if there is one. */
    private Processor takeIdleP(Machine m) {
        for (Processor p : ps) {
            synchronized (p) {
                if (p.owner == null) {
                    p.owner = m;
                    m.p = p;
                    return p;
                }
            }
        }
        return null;
    }

    /** A G that unmounted inside {@code Go.syscall} left its P marked; the M takes the P back. */
    private void reclaimFromUnmountedSyscall(Machine m, Goroutine g) {
        Processor p = m.p;
        if (p != null && p.syscallG == g) {
            synchronized (p) {
                if (p.syscallG == g) {
                    p.syscallG = null;
                }
            }
        }
    }

    private synchronized void startSysmon() {
        if (sysmon == null && !shutdown) {
            sysmon = Thread.ofPlatform().daemon().name("loomlab-sysmon").start(this::sysmon);
        }
    }

    /** Go's {@code sysmon}: sleeps 20 µs, doubling up to 10 ms while idle; retakes Ps stuck in syscalls. */
    private void sysmon() {
        long sleep = SYSMON_MIN_NANOS;
        while (!shutdown) {
            LockSupport.parkNanos(sleep);
            boolean retook = false;
            long now = Clock.SYSTEM.nanos();
            for (Processor p : ps) {
                retook |= retake(p, now);
            }
            sleep = retook || inSyscall.get() > 0 ? SYSMON_MIN_NANOS : Math.min(sleep * 2, SYSMON_MAX_NANOS);
        }
    }

    private boolean retake(Processor p, long now) {
        Machine from;
        synchronized (p) {
            Goroutine g = p.syscallG;
            if (g == null) {
                return false;
            }
            long in = now - p.syscallSince;
            boolean otherWork = p.hasWork() || !global.isEmpty();
            if (in < SYSCALL_RETAKE_NANOS || (!otherWork && in < SYSCALL_FORCE_NANOS)) {
                return false;
            }
            p.syscallG = null;
            from = p.owner;
            p.owner = null;
            if (from != null) {
                from.p = null;
            }
        }
        handoff(p, from);
        return true;
    }

    /**
     * Go's {@code handoffp}: give {@code p} to a spare M, starting one if none is waiting. The
     * hand-off event is recorded before the M is woken or started, so it precedes everything that M
     * then does (it used to follow, and a quick run could end before sysmon recorded it).
     */
    private void handoff(Processor p, Machine from) {
        for (Machine m : ms) {
            if (m.p == null && m.state.get() == Machine.IDLE) {
                synchronized (p) {
                    if (p.owner != null) {
                        traceHandoff(p, from, p.owner);
                        return;
                    }
                    p.owner = m;
                }
                if (m.state.compareAndSet(Machine.IDLE, Machine.RUNNING)) {
                    traceHandoff(p, from, m);
                    m.p = p; // the spare M waits for this (parkSpare)
                    LockSupport.unpark(m.thread);
                    return;
                }
                synchronized (p) {
                    p.owner = null;
                }
            }
        }
        Machine m = newMachine(p);
        traceHandoff(p, from, m);
        m.thread.start();
    }

    private void traceHandoff(Processor p, Machine from, Machine to) {
        if (runtime.tracing) {
            runtime.emit(null, p.id, from == null ? -1 : from.id,
                    new Event.Handoff(p.id, from == null ? -1 : from.id, to == null ? -1 : to.id));
        }
    }

    /** A spare M (no P) waits until it is handed one; false when the run is over. */
    private boolean parkSpare(Machine m) {
        m.state.set(Machine.IDLE);
        while (m.p == null && !shutdown) {
            LockSupport.park(this);
        }
        m.state.set(Machine.RUNNING);
        return m.p != null;
    }

    @Override
    void shutdown() {
        shutdown = true;
        for (Machine m : ms) {
            LockSupport.unpark(m.thread);
        }
    }

    // ---------------------------------------------------------------- for views and tests

    /** The runnable goroutines of each P: runnext first, then the local queue. */
    List<List<Goroutine>> processorQueues() {
        List<List<Goroutine>> out = new java.util.ArrayList<>();
        for (Processor p : ps) {
            out.add(p.snapshot());
        }
        return out;
    }

    List<Goroutine> globalQueue() {
        return global.snapshot();
    }

    int machines() {
        return ms.size();
    }
}
