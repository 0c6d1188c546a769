package loomlab.engine.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import loomlab.engine.events.Event.*;
import loomlab.engine.events.FoldedState.State;

/**
 * Folds events, one at a time and in sequence order, into the state of the run they describe:
 * the state after event <i>n</i> is a function of events 1..<i>n</i> alone. The visualizer's model
 * extends it; tests compare its result with the engine's own state.
 *
 * <h2>How each kind folds</h2>
 * <ul>
 * <li>Goroutines: {@code GoCreate}, {@code GoUnblock} and {@code GoYield} make one RUNNABLE,
 *     {@code GoStart} RUNNING on the P of its envelope, {@code GoBlock} WAITING (SYSCALL for
 *     {@code syscall}), {@code GoEnd} and {@code GoPanic} DEAD. A goroutine that main left behind
 *     stays as it was: a {@code Leak} lists it, the fold does not kill it.</li>
 * <li>Channel buffers move by slot only: a {@code ChanSend} with a slot puts its value there, a
 *     {@code ChanRecv} with a slot takes the value there; slot -1 is a hand-off between goroutines
 *     that never touches the buffer. When a receive frees a slot of a full channel with a parked
 *     sender, the engine emits the receive and then the sender's {@code ChanSend} into that slot.
 *     {@code sendx} and {@code recvx} follow the last slot used, as Go's do.</li>
 * <li>Wait queues change only by {@code WaiterEnqueue} (at the tail) and {@code WaiterDequeue}
 *     (from anywhere: a select that lost leaves the middle).</li>
 * <li>Run queues: a push into {@code runnext} moves the old {@code runnext} to the tail, as Go's
 *     {@code runqput} does; a pop or a steal removes; a goroutine that starts leaves every queue.
 *     Queues are sets, so an engine that also reports the kicked goroutine's push does not
 *     duplicate it.</li>
 * <li>A periodic timer that fires is due again one period later; a one-shot timer goes inactive.</li>
 * <li>{@code SelectBegin} and {@code SelectChosen} change nothing here: a blocked select shows as a
 *     {@code select} wait reason and as one waiter per case.</li>
 * </ul>
 * Events about an object nobody created (a channel made before tracing began) create it on the fly
 * with zero values, so that a fold never fails.
 *
 * <p>Not thread-safe: one thread folds.
 */
public final class StateFold {
    private long seq;
    private long nanos;
    private final Map<Long, LiveGoroutine> goroutines = new TreeMap<>();
    private final Map<Long, LiveChannel> channels = new TreeMap<>();
    private final SortedMap<Long, FoldedState.Context> contexts = new TreeMap<>();
    private final SortedMap<Long, FoldedState.Timer> timers = new TreeMap<>();
    private final Map<Long, LiveLock> locks = new TreeMap<>();
    private final Map<Integer, LiveProcessor> processors = new TreeMap<>();
    private final SortedMap<Integer, FoldedState.Machine> machines = new TreeMap<>();
    private final SequencedSet<Long> globalRunq = new LinkedHashSet<>();
    private final List<Output> output = new ArrayList<>();
    private String deadlock;
    private final List<Leak> leaks = new ArrayList<>();
    private Exit exit;

    /** The state after all of {@code events}. */
    public static FoldedState fold(List<Traced> events) {
        StateFold fold = new StateFold();
        events.forEach(fold::apply);
        return fold.snapshot();
    }

    /** Folds in the next event. */
    public void apply(Traced traced) {
        seq = traced.seq();
        nanos = traced.nanos();
        switch (traced.event()) {
            case GoCreate(long g, long parent, String name) -> {
                LiveGoroutine gr = goroutine(g);
                gr.name = name;
                gr.creator = parent;
                gr.runnable();
            }
            case GoStart(long g) -> start(g, traced.p(), traced.m());
            case GoBlock(long g, String reason, long object) -> {
                LiveGoroutine gr = stop(g);
                gr.state = "syscall".equals(reason) ? State.SYSCALL : State.WAITING;
                gr.waitReason = reason;
                gr.waitingOn = object;
            }
            case GoUnblock(long g, _) -> goroutine(g).runnable();
            case GoYield(long g) -> stop(g).runnable();
            case GoEnd(long g) -> stop(g).dead();
            case GoPanic(long g, String value) -> {
                LiveGoroutine gr = stop(g);
                gr.dead();
                gr.panic = value;
            }
            case RunqPush(int p, long g, boolean runnext) -> processor(p).push(g, runnext);
            case RunqPop(int p, long g, _) -> processor(p).remove(g);
            case RunqSteal(int from, int to, List<Long> gs) -> {
                for (long g : gs) {
                    processor(from).remove(g);
                    processor(to).runq.add(g);
                }
            }
            case GlobalPush(long g) -> {
                // A full local queue spills half of itself to the global queue (GMP-04).
                for (LiveProcessor lp : processors.values()) {
                    lp.remove(g);
                }
                globalRunq.add(g);
            }
            case GlobalPop(_, long g) -> globalRunq.remove(g);
            case MStart(int m) -> machines.put(m, new FoldedState.Machine(m, false));
            case MPark(int m) -> machines.put(m, new FoldedState.Machine(m, true));
            case MUnpark(int m) -> machines.put(m, new FoldedState.Machine(m, false));
            case Handoff(int p, _, int toM) -> processor(p).m = toM;
            case ChanMake(long ch, int cap, String _, boolean _) -> channels.put(ch, new LiveChannel(ch, cap));
            case ChanSend(long ch, _, String value, int slot, _) -> channel(ch).put(slot, value);
            case ChanRecv(long ch, _, _, _, int slot, _) -> channel(ch).take(slot);
            case ChanClose(long ch, _) -> channel(ch).closed = true;
            case WaiterEnqueue(long ch, long g, boolean send, String value) ->
                    channel(ch).queue(send).add(new FoldedState.Waiter(g, send ? value : null));
            case WaiterDequeue(long ch, long g, boolean send) -> removeFirst(channel(ch).queue(send), w -> w.g() == g);
            case SelectBegin _, SelectChosen _ -> {
                // A blocked select shows through its GoBlock and its waiters.
            }
            case CtxCreate(long ctx, long parent, String kind, long deadline, String label, long _) ->
                    contexts.put(ctx, new FoldedState.Context(ctx, parent, kind, deadline, label, false, null, null));
            case CtxCancel(long ctx, String err, String cause) -> {
                FoldedState.Context c = contexts.getOrDefault(ctx,
                        new FoldedState.Context(ctx, 0, null, -1, null, false, null, null));
                contexts.put(ctx, new FoldedState.Context(c.id(), c.parent(), c.kind(), c.deadline(), c.label(),
                        true, err, cause));
            }
            case TimerStart(long timer, long when, long period) ->
                    timers.put(timer, new FoldedState.Timer(timer, when, period, true, timer(timer).fired()));
            case TimerStop(long timer) -> {
                FoldedState.Timer t = timer(timer);
                timers.put(timer, new FoldedState.Timer(timer, t.when(), t.period(), false, t.fired()));
            }
            case TimerFire(long timer) -> {
                FoldedState.Timer t = timer(timer);
                boolean periodic = t.period() > 0;
                timers.put(timer, new FoldedState.Timer(timer, periodic ? t.when() + t.period() : t.when(),
                        t.period(), periodic && t.active(), t.fired() + 1));
            }
            case ClockAdvance(long to) -> nanos = to;
            case LockWait(long lock, long g, String kind) -> lock(lock).waiters.add(new FoldedState.LockUse(g, kind));
            case LockAcquire(long lock, long g, String kind) -> {
                LiveLock l = lock(lock);
                removeFirst(l.waiters, u -> u.g() == g);
                l.holders.add(new FoldedState.LockUse(g, kind));
            }
            case LockRelease(long lock, long g, _) -> removeFirst(lock(lock).holders, u -> u.g() == g);
            case Output o -> {
                output.add(o);
                if (o.g() != 0) {
                    goroutine(o.g()).output.add(o.text());
                }
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
                    for (LiveGoroutine g : goroutines.values()) {
                        if (g.state != State.DEAD && !leaked.contains(g.id)) {
                            stop(g.id).dead();
                        }
                    }
                }
            }
        }
    }

    /**
     * The contexts, with a {@code WithValue} context showing its parent's cancellation and deadline,
     * as Go's {@code valueCtx} does: it has no state of its own. Parents have smaller ids.
     */
    private SortedMap<Long, FoldedState.Context> resolvedContexts() {
        SortedMap<Long, FoldedState.Context> out = new TreeMap<>();
        for (FoldedState.Context c : contexts.values()) {
            FoldedState.Context parent = out.get(c.parent());
            if ("VALUE".equals(c.kind()) && parent != null) {
                c = new FoldedState.Context(c.id(), c.parent(), c.kind(), parent.deadline(), c.label(),
                        parent.cancelled(), parent.err(), parent.cause());
            }
            out.put(c.id(), c);
        }
        return out;
    }

    /** The state after every event applied so far; later events do not change it. */
    public FoldedState snapshot() {
        return new FoldedState(seq, nanos,
                snapshot(goroutines, LiveGoroutine::snapshot),
                snapshot(channels, LiveChannel::snapshot),
                Collections.unmodifiableSortedMap(resolvedContexts()),
                Collections.unmodifiableSortedMap(new TreeMap<>(timers)),
                snapshot(locks, l -> new FoldedState.Lock(l.id, List.copyOf(l.holders), List.copyOf(l.waiters))),
                snapshot(processors, LiveProcessor::snapshot),
                Collections.unmodifiableSortedMap(new TreeMap<>(machines)),
                List.copyOf(globalRunq),
                List.copyOf(output),
                deadlock,
                List.copyOf(leaks),
                exit);
    }

    // ---------------------------------------------------------------- goroutines and Ps

    private void start(long g, int p, int m) {
        LiveGoroutine gr = goroutine(g);
        gr.state = State.RUNNING;
        gr.waitReason = null;
        gr.waitingOn = 0;
        gr.p = p;
        globalRunq.remove(g);
        for (LiveProcessor proc : processors.values()) {
            proc.remove(g);
        }
        if (p >= 0) {
            LiveProcessor proc = processor(p);
            proc.running = g;
            if (m >= 0) {
                proc.m = m;
            }
        }
    }

    /** {@code g} stops running: its P, if any, runs nothing now. */
    private LiveGoroutine stop(long g) {
        LiveGoroutine gr = goroutine(g);
        LiveProcessor proc = gr.p >= 0 ? processors.get(gr.p) : null;
        if (proc != null && proc.running == g) {
            proc.running = 0;
        }
        gr.p = -1;
        return gr;
    }

    private LiveGoroutine goroutine(long g) {
        return goroutines.computeIfAbsent(g, LiveGoroutine::new);
    }

    private LiveProcessor processor(int p) {
        return processors.computeIfAbsent(p, LiveProcessor::new);
    }

    private LiveChannel channel(long ch) {
        return channels.computeIfAbsent(ch, id -> new LiveChannel(id, 0));
    }

    private LiveLock lock(long lock) {
        return locks.computeIfAbsent(lock, LiveLock::new);
    }

    private FoldedState.Timer timer(long timer) {
        return timers.getOrDefault(timer, new FoldedState.Timer(timer, 0, 0, false, 0));
    }

    private static <T> void removeFirst(List<T> list, Predicate<T> which) {
        for (Iterator<T> it = list.iterator(); it.hasNext(); ) {
            if (which.test(it.next())) {
                it.remove();
                return;
            }
        }
    }

    private static <K extends Comparable<K>, L, V> SortedMap<K, V> snapshot(Map<K, L> live, Function<L, V> freeze) {
        TreeMap<K, V> copy = new TreeMap<>();
        live.forEach((k, v) -> copy.put(k, freeze.apply(v)));
        return Collections.unmodifiableSortedMap(copy);
    }

    // ---------------------------------------------------------------- mutable state, one per object

    private static final class LiveGoroutine {
        final long id;
        String name;
        long creator;
        State state = State.RUNNABLE;
        String waitReason;
        long waitingOn;
        int p = -1;
        String panic;
        final List<String> output = new ArrayList<>();

        LiveGoroutine(long id) {
            this.id = id;
        }

        void runnable() {
            state = State.RUNNABLE;
            waitReason = null;
            waitingOn = 0;
        }

        void dead() {
            runnable();
            state = State.DEAD;
        }

        FoldedState.Goroutine snapshot() {
            return new FoldedState.Goroutine(id, name, creator, state, waitReason, waitingOn, p, panic,
                    List.copyOf(output));
        }
    }

    private static final class LiveChannel {
        final long id;
        final int cap;
        final TreeMap<Integer, String> buffer = new TreeMap<>();
        int sendx;
        int recvx;
        boolean closed;
        final List<FoldedState.Waiter> sendq = new ArrayList<>();
        final List<FoldedState.Waiter> recvq = new ArrayList<>();

        LiveChannel(long id, int cap) {
            this.id = id;
            this.cap = cap;
        }

        void put(int slot, String value) {
            if (slot >= 0) {
                buffer.put(slot, value);
                sendx = next(slot);
            }
        }

        void take(int slot) {
            if (slot >= 0) {
                buffer.remove(slot);
                recvx = next(slot);
            }
        }

        List<FoldedState.Waiter> queue(boolean send) {
            return send ? sendq : recvq;
        }

        private int next(int slot) {
            return cap > 0 ? (slot + 1) % cap : slot + 1;
        }

        FoldedState.Channel snapshot() {
            return new FoldedState.Channel(id, cap, Collections.unmodifiableSortedMap(new TreeMap<>(buffer)),
                    sendx, recvx, closed, List.copyOf(sendq), List.copyOf(recvq));
        }
    }

    private static final class LiveLock {
        final long id;
        final List<FoldedState.LockUse> holders = new ArrayList<>();
        final List<FoldedState.LockUse> waiters = new ArrayList<>();

        LiveLock(long id) {
            this.id = id;
        }
    }

    private static final class LiveProcessor {
        final int id;
        int m = -1;
        long running;
        long runnext;
        final SequencedSet<Long> runq = new LinkedHashSet<>();

        LiveProcessor(int id) {
            this.id = id;
        }

        /** Go's {@code runqput}: a new {@code runnext} kicks the old one to the tail. */
        void push(long g, boolean next) {
            if (!next) {
                runq.add(g);
                return;
            }
            if (runnext != 0 && runnext != g) {
                runq.add(runnext);
            }
            runq.remove(g);
            runnext = g;
        }

        void remove(long g) {
            if (runnext == g) {
                runnext = 0;
            }
            runq.remove(g);
        }

        FoldedState.Processor snapshot() {
            return new FoldedState.Processor(id, m, running, runnext, List.copyOf(runq));
        }
    }
}
