package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

import loomlab.engine.events.Event;

/**
 * What the views draw at one moment of a run: the state after events 1..{@code seq}, as
 * {@link RunModel} folds it. Immutable and compared by value, so that "seek to n" and "fold 1..n
 * from the start" can be checked to agree. Every list of objects is sorted by id; queues are head
 * first.
 *
 * @param seq        the last event folded in (0: none)
 * @param nanos      the run's clock at that event, or where a {@code ClockAdvance} moved it
 * @param goroutines every goroutine seen, dead ones included
 * @param processors every P seen, with its {@code runnext} and local run queue
 * @param globalRunq the global run queue
 * @param machines   every M seen
 * @param channels   every channel seen
 * @param contexts   every context seen
 * @param locks      every lock waited for or held
 * @param timers     every timer started
 * @param output     the lines printed so far, in order
 * @param deadlock   Go's deadlock report once every goroutine was asleep, else null
 * @param leaks      goroutines still alive when main returned
 * @param exit       how the run ended, or null while it goes on
 */
public record VisualState(long seq, long nanos,
                          List<Goroutine> goroutines,
                          List<Processor> processors,
                          List<Long> globalRunq,
                          List<Machine> machines,
                          List<Channel> channels,
                          List<Context> contexts,
                          List<Lock> locks,
                          List<Timer> timers,
                          OutputLines output,
                          String deadlock,
                          List<Event.Leak> leaks,
                          Event.Exit exit) {

    /** How many colours the views cycle through; a goroutine's colour is fixed by its id. */
    public static final int PALETTE_SIZE = 12;

    /** Where a goroutine stands; the names are those of the engine's {@code GoroutineState}. */
    public enum State {
        /** Created, woken or yielded; waiting for a P. */
        RUNNABLE,
        /** Started on a P and not yet stopped. */
        RUNNING,
        /** Parked; {@link Goroutine#waitReason()} says why. */
        WAITING,
        /** Parked in a blocking call (wait reason {@code syscall}). */
        SYSCALL,
        /** Returned or panicked. */
        DEAD
    }

    /**
     * One goroutine.
     *
     * @param name       the name given to {@code go}, or null
     * @param creator    the goroutine that created it (0: main, a timer or outside the run)
     * @param since      run nanos at which it entered its present state
     * @param waitReason Go's wait reason while WAITING or SYSCALL, else null
     * @param waitingOn  the channel, lock or other object it waits on, or 0
     * @param p          the P it runs on while RUNNING, else -1
     * @param m          the M it runs on while RUNNING, else -1
     * @param colour     its colour in [0, {@link #PALETTE_SIZE}), the same for the whole run
     * @param select     its present or latest select, or null (cleared when it blocks on something else)
     * @param panic      the value it panicked with, or null
     */
    public record Goroutine(long id, String name, long creator, State state, long since, String waitReason,
                            long waitingOn, int p, int m, int colour, Select select, String panic) {

        /** The colour of goroutine {@code id}: neighbours differ, and it never changes. */
        public static int colourOf(long id) {
            return (int) Math.floorMod(id - 1, (long) PALETTE_SIZE);
        }
    }

    /**
     * A goroutine's select.
     *
     * @param chosen the case it chose, -1 for the default, {@link #UNDECIDED} while it waits
     */
    public record Select(int cases, boolean hasDefault, int chosen) {
        /** {@link #chosen()} before a case is chosen. */
        public static final int UNDECIDED = -2;
    }

    /**
     * One P.
     *
     * @param m       the M that holds it, or -1
     * @param running the goroutine running on it, or 0
     * @param runnext the goroutine in its {@code runnext} slot, or 0
     * @param runq    its local run queue, head first ({@code runnext} not included)
     */
    public record Processor(int id, int m, long running, long runnext, List<Long> runq) {
    }

    /**
     * One M (carrier thread).
     *
     * @param p       the P it holds, or -1
     * @param running the goroutine it runs, or 0
     * @param parked  whether it found nothing to run and sleeps
     */
    public record Machine(int id, int p, long running, boolean parked) {
    }

    /**
     * One channel: Go's {@code hchan}.
     *
     * @param slots  the ring buffer, {@code cap} entries: a value text, or null for an empty slot
     * @param sendx  the slot the next buffered send fills
     * @param name   the name given to {@code Chan.make(name, cap)}, or ""
     * @param timer  a Timer's or Ticker's channel: {@code cap} is its one inner slot, while the
     *               program sees cap 0 and len 0 (CH-14)
     * @param recvx  the slot the next buffered receive takes
     * @param len    how many slots hold a value
     * @param sendq  parked senders, head first, each with the value it holds
     * @param recvq  parked receivers, head first
     * @param last   the latest value received from it, or null before the first receive
     */
    public record Channel(long id, String name, int cap, boolean timer, List<String> slots, int sendx, int recvx, int len, boolean closed,
                          List<Waiter> sendq, List<Long> recvq, Delivery last) {
    }

    /**
     * The latest value a channel delivered: what goroutine {@code g} received ({@code ok} false for
     * the zero value of a closed channel). The views fly it from where it was to the receiver.
     */
    public record Delivery(long g, String value, boolean ok) {
    }

    /** A sender parked on a channel, and the value it holds. */
    public record Waiter(long g, String value) {
    }

    /**
     * One context.
     *
     * @param parent   its parent's id, or 0 for a root
     * @param kind     how Go names its constructor ({@code WithCancel} …)
     * @param done     the id of its {@code done()} channel, or 0 if it has none of its own
     * @param deadline its deadline in run nanos, or -1
     * @param err      Go's {@code Err()} once cancelled, else null
     * @param cause    Go's {@code Cause()} once cancelled, else null
     * @param children its children's ids, in creation order
     */
    public record Context(long id, long parent, String kind, String label, long done, long deadline, boolean cancelled,
                          String err, String cause, List<Long> children) {
    }

    /** One lock: who holds it (several readers of an RWMutex) and who waits, in order. */
    public record Lock(long id, List<LockUse> holders, List<LockUse> waiters) {
    }

    /** A goroutine holding or waiting for a lock; {@code kind} is {@code Mutex}, {@code RWMutex.R} … */
    public record LockUse(long g, String kind) {
    }

    /**
     * One timer.
     *
     * @param when   when it fires next, in run nanos
     * @param period its period if it is a ticker, else 0 or less
     * @param active whether it will fire (started, not stopped, and not yet fired if one-shot)
     * @param fired  how many times it fired
     */
    public record Timer(long id, long when, long period, boolean active, long fired) {
    }

    /** The state before any event. */
    public static VisualState empty() {
        return new VisualFold(new OutputLog()).freeze();
    }

    // ---------------------------------------------------------------- lookups and derived views

    /** Goroutine {@code id}, or null. */
    public Goroutine goroutine(long id) {
        return find(goroutines, id, Goroutine::id);
    }

    /** P {@code id}, or null. */
    public Processor processor(int id) {
        return find(processors, id, Processor::id);
    }

    /** M {@code id}, or null. */
    public Machine machine(int id) {
        return find(machines, id, Machine::id);
    }

    /** Channel {@code id}, or null. */
    public Channel channel(long id) {
        return find(channels, id, Channel::id);
    }

    /** Context {@code id}, or null. */
    public Context context(long id) {
        return find(contexts, id, Context::id);
    }

    /** Lock {@code id}, or null. */
    public Lock lock(long id) {
        return find(locks, id, Lock::id);
    }

    /** Timer {@code id}, or null. */
    public Timer timer(long id) {
        return find(timers, id, Timer::id);
    }

    /**
     * The parked goroutines (WAITING or SYSCALL) grouped by wait reason, reasons in alphabetical
     * order, each group in the order its goroutines parked (ties by id). Derived, not stored: a
     * pass over the goroutines.
     */
    public SequencedMap<String, List<Goroutine>> blockedByReason() {
        List<Goroutine> parked = new ArrayList<>();
        for (Goroutine g : goroutines) {
            if (g.state() == State.WAITING || g.state() == State.SYSCALL) {
                parked.add(g);
            }
        }
        parked.sort(Comparator.comparingLong(Goroutine::since).thenComparingLong(Goroutine::id));
        Map<String, List<Goroutine>> groups = new TreeMap<>();
        for (Goroutine g : parked) {
            groups.computeIfAbsent(String.valueOf(g.waitReason()), _ -> new ArrayList<>()).add(g);
        }
        SequencedMap<String, List<Goroutine>> frozen = new LinkedHashMap<>();
        groups.forEach((reason, gs) -> frozen.put(reason, List.copyOf(gs)));
        return Collections.unmodifiableSequencedMap(frozen);
    }

    private interface IdOf<T> {
        long of(T t);
    }

    /** Binary search by id; {@code list} is sorted by id. */
    private static <T> T find(List<T> list, long id, IdOf<T> idOf) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long at = idOf.of(list.get(mid));
            if (at < id) {
                lo = mid + 1;
            } else if (at > id) {
                hi = mid - 1;
            } else {
                return list.get(mid);
            }
        }
        return null;
    }
}
