package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import loomlab.engine.events.Event.*;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.VisualState.State;

/**
 * The mutable fold behind {@link RunModel}: applies one event in place, cheaply, and freezes into
 * an immutable {@link VisualState} on demand.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>The fold holds exactly what a {@link VisualState} holds, nothing more: {@link #thaw} of
 *     {@link #freeze} gives a fold that goes on exactly as the original would. Seeking rests on this.</li>
 * <li>A goroutine is in at most one run queue (a P's {@code runnext}, a P's local queue, or the
 *     global queue), and in none while it runs.</li>
 * <li>Each object's table lists its objects in the order first seen; {@link #freeze} sorts by id.</li>
 * </ul>
 *
 * <h2>How each kind folds</h2>
 * As the engine's {@code StateFold}, which documents the engine's side of each event, with these
 * additions: a goroutine records since when it is in its state, its M, and its select; Ms record
 * their P and goroutine ({@code GoStart}'s envelope, {@code MStart}, {@code Handoff}); a
 * {@code GlobalPush} takes the goroutine out of any local queue (a full local queue spills half of
 * itself to the global queue and reports only the pushes); buffers are slot arrays with a length;
 * contexts list their children. An event about an object nobody created makes it on the fly, with
 * zero values, so that a fold never fails.
 *
 * <p>Rejected: folding straight into persistent (structurally shared) collections. Every event
 * would allocate a path of nodes, and the fold of a long run is the hot loop; here an event costs a
 * hash lookup or two, and only a freeze, once every {@link RunModel#SNAPSHOT_INTERVAL} events or
 * on a seek, pays for copying: one reference per object, and a new record only for the objects
 * that changed since the last freeze (see {@link Live}), never anything in proportion to the history.
 *
 * <p>Not thread-safe: confined to the model's thread.
 */
final class VisualFold {
    /** The id the engine gives {@code context.Background()}, which no {@code CtxCreate} announces. */
    static final long BACKGROUND = -1;
    /** The id the engine gives {@code context.TODO()}. */
    static final long TODO = -2;

    private final OutputLog log;
    private long seq;
    private long nanos;
    private final LiveTable<LiveGoroutine> goroutines = new LiveTable<>();
    private final LiveTable<LiveProcessor> processors = new LiveTable<>();
    private final SequencedSet<Long> globalRunq = new LinkedHashSet<>();
    private final LiveTable<LiveMachine> machines = new LiveTable<>();
    private final LiveTable<LiveChannel> channels = new LiveTable<>();
    private final LiveTable<LiveContext> contexts = new LiveTable<>();
    private final LiveTable<LiveLock> locks = new LiveTable<>();
    private final LiveTable<LiveTimer> timers = new LiveTable<>();
    private int outputCount;
    private String deadlock;
    private final List<Leak> leaks = new ArrayList<>();
    private Exit exit;

    VisualFold(OutputLog log) {
        this.log = log;
    }

    /** The sequence number of the last event folded in. */
    long seq() {
        return seq;
    }

    /** Folds in the next event. */
    void apply(Traced traced) {
        seq = traced.seq();
        nanos = traced.nanos();
        switch (traced.event()) {
            case GoCreate(long g, long parent, String name) -> {
                LiveGoroutine gr = goroutine(g);
                gr.name = name;
                gr.creator = parent;
                gr.become(State.RUNNABLE, nanos);
            }
            case GoStart(long g) -> start(g, traced.p(), traced.m());
            case GoBlock(long g, String reason, long object) -> {
                LiveGoroutine gr = stop(g);
                gr.become("syscall".equals(reason) ? State.SYSCALL : State.WAITING, nanos);
                gr.waitReason = reason;
                gr.waitingOn = object;
                if (reason == null || !reason.startsWith("select")) {
                    gr.select = null;
                }
            }
            case GoUnblock(long g, _) -> goroutine(g).become(State.RUNNABLE, nanos);
            case GoYield(long g) -> stop(g).become(State.RUNNABLE, nanos);
            case GoEnd(long g) -> stop(g).die(nanos);
            case GoPanic(long g, String value) -> stop(g).die(nanos).panic = value;
            case RunqPush(int p, long g, boolean runnext) -> processor(p).push(g, runnext);
            case RunqPop(int p, long g, _) -> processor(p).remove(g);
            case RunqSteal(int from, int to, List<Long> gs) -> {
                for (long g : gs) {
                    processor(from).remove(g);
                    processor(to).runq.add(g);
                }
            }
            case GlobalPush(long g) -> {
                unqueue(g);
                globalRunq.add(g);
            }
            case GlobalPop(_, long g) -> globalRunq.remove(g);
            case MStart(int m) -> {
                LiveMachine mach = machine(m);
                mach.parked = false;
                if (traced.p() >= 0) {
                    mach.p = traced.p();
                    processor(traced.p()).m = m;
                }
            }
            case MPark(int m) -> {
                LiveMachine mach = machine(m);
                mach.parked = true;
                mach.running = 0;
            }
            case MUnpark(int m) -> machine(m).parked = false;
            case Handoff(int p, int fromM, int toM) -> handoff(p, fromM, toM);
            case ChanMake(long ch, int cap, String name, boolean timer) -> channel(ch).make(cap, name, timer);
            case ChanSend(long ch, _, String value, int slot, long to) -> {
                LiveChannel c = channel(ch);
                c.put(slot, value);
                if (slot < 0 && to != 0) {
                    // A hand-off: the receiver has its value and waits no more, whatever the order of
                    // the WaiterDequeue that follows.
                    c.recvq.remove(to);
                    c.last = new VisualState.Delivery(to, value == null ? "null" : value, true);
                }
            }
            case ChanRecv(long ch, long g, String value, boolean ok, int slot, long from) -> {
                LiveChannel c = channel(ch);
                c.take(slot);
                if (slot < 0 && from != 0) {
                    removeFirst(c.sendq, w -> w.g() == from); // straight from a parked sender
                }
                if (g != 0) { // g 0: a timer's Stop or Reset threw the value away; nobody received it
                    c.last = new VisualState.Delivery(g, value == null ? "" : value, ok);
                }
            }
            case ChanClose(long ch, _) -> channel(ch).closed = true;
            case WaiterEnqueue(long ch, long g, boolean send, String value) -> {
                LiveChannel c = channel(ch);
                if (send) {
                    c.sendq.add(new VisualState.Waiter(g, value));
                } else {
                    c.recvq.add(g);
                }
            }
            case WaiterDequeue(long ch, long g, boolean send) -> {
                LiveChannel c = channel(ch);
                if (send) {
                    removeFirst(c.sendq, w -> w.g() == g);
                } else {
                    c.recvq.remove(g);
                }
            }
            case SelectBegin(long g, int cases, boolean hasDefault) ->
                    goroutine(g).select = new VisualState.Select(cases, hasDefault, VisualState.Select.UNDECIDED);
            case SelectChosen(long g, int index) -> {
                LiveGoroutine gr = goroutine(g);
                VisualState.Select s = gr.select;
                gr.select = s == null ? new VisualState.Select(0, index == -1, index)
                        : new VisualState.Select(s.cases(), s.hasDefault(), index);
            }
            case CtxCreate(long ctx, long parent, String kind, long deadline, String label, long done) -> {
                LiveContext c = context(ctx);
                c.done = done;
                c.parent = parent;
                c.kind = kind;
                c.deadline = deadline;
                c.label = label;
                if (parent != 0) {
                    context(parent).children.add(ctx);
                }
            }
            case CtxCancel(long ctx, String err, String cause) -> {
                LiveContext c = context(ctx);
                c.cancelled = true;
                c.err = err;
                c.cause = cause;
            }
            case TimerStart(long timer, long when, long period) -> {
                LiveTimer t = timer(timer);
                t.when = when;
                t.period = period;
                t.active = true;
            }
            case TimerStop(long timer) -> timer(timer).active = false;
            case TimerFire(long timer) -> timer(timer).fire();
            case ClockAdvance(long to) -> nanos = to;
            case LockWait(long lock, long g, String kind) -> lock(lock).waiters.add(new VisualState.LockUse(g, kind));
            case LockAcquire(long lock, long g, String kind) -> {
                LiveLock l = lock(lock);
                removeFirst(l.waiters, u -> u.g() == g);
                l.holders.add(new VisualState.LockUse(g, kind));
            }
            case LockRelease(long lock, long g, _) -> removeFirst(lock(lock).holders, u -> u.g() == g);
            case Output o -> {
                log.folded(outputCount, o);
                outputCount++;
            }
            case Deadlock(String report) -> deadlock = report;
            case Leak l -> leaks.add(l);
            case Exit e -> {
                exit = e;
                if (e.status() == 0) {
                    // main returned: the program is over. No GoEnd comes for main, nor for a goroutine
                    // that ended while main returned; the leak report names every other one alive.
                    java.util.Set<Long> leaked = new java.util.HashSet<>();
                    leaks.forEach(l -> leaked.add(l.g()));
                    for (LiveGoroutine g : List.copyOf(goroutines.inOrder)) {
                        if (g.state != VisualState.State.DEAD && !leaked.contains(g.id)) {
                            stop(g.id).die(nanos);
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- freeze and thaw

    /** The state after every event applied so far; later events do not change it. */
    VisualState freeze() {
        return new VisualState(seq, nanos,
                goroutines.freeze(),
                processors.freeze(),
                List.copyOf(globalRunq),
                machines.freeze(),
                channels.freeze(),
                contexts.freeze(),
                locks.freeze(),
                timers.freeze(),
                new OutputLines(log, outputCount),
                deadlock,
                List.copyOf(leaks),
                exit);
    }

    /**
     * A fold that stands where {@code s} was frozen and goes on from there. {@code log} must be
     * the log whose lines {@code s.output()} counts.
     */
    static VisualFold thaw(VisualState s, OutputLog log) {
        VisualFold f = new VisualFold(log);
        f.seq = s.seq();
        f.nanos = s.nanos();
        for (VisualState.Goroutine g : s.goroutines()) {
            LiveGoroutine live = f.goroutine(g.id());
            live.name = g.name();
            live.creator = g.creator();
            live.state = g.state();
            live.since = g.since();
            live.waitReason = g.waitReason();
            live.waitingOn = g.waitingOn();
            live.p = g.p();
            live.m = g.m();
            live.select = g.select();
            live.panic = g.panic();
            live.seed(g);
        }
        for (VisualState.Processor p : s.processors()) {
            LiveProcessor live = f.processor(p.id());
            live.m = p.m();
            live.running = p.running();
            live.runnext = p.runnext();
            live.runq.addAll(p.runq());
            live.seed(p);
        }
        f.globalRunq.addAll(s.globalRunq());
        for (VisualState.Machine m : s.machines()) {
            LiveMachine live = f.machine(m.id());
            live.p = m.p();
            live.running = m.running();
            live.parked = m.parked();
            live.seed(m);
        }
        for (VisualState.Channel c : s.channels()) {
            LiveChannel live = f.channel(c.id());
            live.thaw(c);
            live.seed(c);
        }
        for (VisualState.Context c : s.contexts()) {
            LiveContext live = f.context(c.id());
            live.parent = c.parent();
            live.kind = c.kind();
            live.label = c.label();
            live.done = c.done();
            live.deadline = c.deadline();
            live.cancelled = c.cancelled();
            live.err = c.err();
            live.cause = c.cause();
            live.children.addAll(c.children());
            live.seed(c);
        }
        for (VisualState.Lock l : s.locks()) {
            LiveLock live = f.lock(l.id());
            live.holders.addAll(l.holders());
            live.waiters.addAll(l.waiters());
            live.seed(l);
        }
        for (VisualState.Timer t : s.timers()) {
            LiveTimer live = f.timer(t.id());
            live.when = t.when();
            live.period = t.period();
            live.active = t.active();
            live.fired = t.fired();
            live.seed(t);
        }
        f.outputCount = s.output().size();
        f.deadlock = s.deadlock();
        f.leaks.addAll(s.leaks());
        f.exit = s.exit();
        return f;
    }

    // ---------------------------------------------------------------- goroutines, Ps and Ms

    /** {@code g} runs on P {@code p} and M {@code m} (either may be -1): it leaves every queue. */
    private void start(long g, int p, int m) {
        LiveGoroutine gr = goroutine(g);
        gr.become(State.RUNNING, nanos);
        gr.p = p;
        gr.m = m;
        unqueue(g);
        globalRunq.remove(g);
        if (p >= 0) {
            LiveProcessor proc = processor(p);
            proc.running = g;
            if (m >= 0) {
                proc.m = m;
            }
        }
        if (m >= 0) {
            LiveMachine mach = machine(m);
            mach.running = g;
            mach.parked = false;
            if (p >= 0) {
                mach.p = p;
            }
        }
    }

    /** {@code g} stops running: its P and M, if any, run nothing now. */
    private LiveGoroutine stop(long g) {
        LiveGoroutine gr = goroutine(g);
        if (gr.p >= 0) {
            LiveProcessor proc = processors.get(gr.p);
            if (proc != null && proc.running == g) {
                proc.running = 0;
            }
        }
        if (gr.m >= 0) {
            LiveMachine mach = machines.get(gr.m);
            if (mach != null && mach.running == g) {
                mach.running = 0;
            }
        }
        gr.p = -1;
        gr.m = -1;
        return gr;
    }

    /** Takes {@code g} out of every P's {@code runnext} and local queue. */
    private void unqueue(long g) {
        for (LiveProcessor proc : processors.inOrder) {
            if (proc.remove(g)) {
                proc.touch();
            }
        }
    }

    /** Go's {@code handoffp}: P {@code p} passes from M {@code fromM} to M {@code toM} (-1: idle). */
    private void handoff(int p, int fromM, int toM) {
        processor(p).m = toM;
        if (fromM >= 0) {
            LiveMachine from = machine(fromM);
            if (from.p == p) {
                from.p = -1;
            }
        }
        if (toM >= 0) {
            LiveMachine to = machine(toM);
            to.p = p;
            to.parked = false;
        }
    }

    private LiveGoroutine goroutine(long g) {
        return goroutines.getOrMake(g, LiveGoroutine::new);
    }

    private LiveProcessor processor(int p) {
        return processors.getOrMake(p, id -> new LiveProcessor((int) id));
    }

    private LiveMachine machine(int m) {
        return machines.getOrMake(m, id -> new LiveMachine((int) id));
    }

    private LiveChannel channel(long ch) {
        return channels.getOrMake(ch, LiveChannel::new);
    }

    private LiveContext context(long ctx) {
        return contexts.getOrMake(ctx, VisualFold::root);
    }

    /**
     * Go's two roots are never created by an event: the engine numbers them {@code -1}
     * ({@code context.Background}) and {@code -2} ({@code context.TODO}) and names them as parents.
     */
    private static LiveContext root(long id) {
        LiveContext c = new LiveContext(id);
        if (id == BACKGROUND) {
            c.kind = "Background";
            c.label = "context.Background";
        } else if (id == TODO) {
            c.kind = "TODO";
            c.label = "context.TODO";
        }
        return c;
    }

    private LiveLock lock(long lock) {
        return locks.getOrMake(lock, LiveLock::new);
    }

    private LiveTimer timer(long timer) {
        return timers.getOrMake(timer, LiveTimer::new);
    }

    private static <T> void removeFirst(List<T> list, Predicate<T> which) {
        for (Iterator<T> it = list.iterator(); it.hasNext(); ) {
            if (which.test(it.next())) {
                it.remove();
                return;
            }
        }
    }
}
