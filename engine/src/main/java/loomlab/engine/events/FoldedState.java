package loomlab.engine.events;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The state of a run after some prefix of its events, as {@link StateFold} computes it: what the
 * visualizer draws at that point, and what a test compares with the engine's own state. Immutable;
 * every map is sorted by id.
 *
 * @param seq        the sequence number of the last event folded in (0: none)
 * @param nanos      the run's clock at that event, or where a {@code ClockAdvance} moved it
 * @param goroutines every goroutine that was created, dead ones included
 * @param channels   every channel that was made
 * @param contexts   every context that was created
 * @param timers     every timer that was started
 * @param locks      every lock that was waited for or held
 * @param processors every P seen, with its run queue
 * @param machines   every M seen
 * @param globalRunq the global run queue, head first
 * @param output     every line printed, in order
 * @param deadlock   Go's report if the run deadlocked, else null
 * @param leaks      the goroutines still alive when main returned
 * @param exit       how the run ended, or null while it goes on
 */
public record FoldedState(long seq, long nanos,
                          SortedMap<Long, Goroutine> goroutines,
                          SortedMap<Long, Channel> channels,
                          SortedMap<Long, Context> contexts,
                          SortedMap<Long, Timer> timers,
                          SortedMap<Long, Lock> locks,
                          SortedMap<Integer, Processor> processors,
                          SortedMap<Integer, Machine> machines,
                          List<Long> globalRunq,
                          List<Event.Output> output,
                          String deadlock,
                          List<Event.Leak> leaks,
                          Event.Exit exit) {

    /** Where a goroutine stands; the names are those of the engine's {@code GoroutineState}. */
    public enum State {
        /** Created, woken or yielded; waiting for a P. */
        RUNNABLE,
        /** Started on a P and not yet stopped. */
        RUNNING,
        /** Parked; {@link Goroutine#waitReason()} says why. */
        WAITING,
        /** Parked in a blocking call ({@code GoBlock} with reason {@code syscall}). */
        SYSCALL,
        /** Returned or panicked. */
        DEAD
    }

    /**
     * One goroutine.
     *
     * @param name       the name given to {@code go}, or null
     * @param creator    the goroutine that created it (0 for main)
     * @param waitReason Go's wait reason while WAITING or SYSCALL ({@code chan receive} …), else null
     * @param waitingOn  the channel, lock or other object it waits on, or 0
     * @param p          the P it runs on while RUNNING, else -1
     * @param panic      the value it panicked with, or null
     * @param output     the lines it printed
     */
    public record Goroutine(long id, String name, long creator, State state, String waitReason, long waitingOn,
                            int p, String panic, List<String> output) {
    }

    /**
     * One channel: Go's {@code hchan}.
     *
     * @param buffer occupied buffer slots: slot index to value text
     * @param sendx  the slot the next buffered send fills
     * @param recvx  the slot the next buffered receive takes
     * @param sendq  parked senders, head first, each with the value it holds
     * @param recvq  parked receivers, head first (their value is null)
     */
    public record Channel(long id, int cap, SortedMap<Integer, String> buffer, int sendx, int recvx, boolean closed,
                          List<Waiter> sendq, List<Waiter> recvq) {

        /** The buffered values in the order receives will take them. */
        public List<String> inReceiveOrder() {
            List<String> values = new ArrayList<>(buffer.size());
            for (int i = 0; i < cap && values.size() < buffer.size(); i++) {
                Integer slot = (recvx + i) % cap;
                if (buffer.containsKey(slot)) {
                    values.add(buffer.get(slot));
                }
            }
            return List.copyOf(values);
        }
    }

    /** A goroutine parked on a channel; {@code value} is what a sender holds, null for a receiver. */
    public record Waiter(long g, String value) {
    }

    /**
     * One context.
     *
     * @param parent   its parent's id, or 0 for a root
     * @param kind     how Go names its constructor ({@code WithCancel} …)
     * @param deadline its deadline in run nanos, or -1
     * @param err      Go's {@code Err()} once cancelled, else null
     * @param cause    Go's {@code Cause()} once cancelled, else null
     */
    public record Context(long id, long parent, String kind, long deadline, String label, boolean cancelled,
                          String err, String cause) {
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

    /** One lock: who holds it (several readers of an RWMutex) and who waits for it, in order. */
    public record Lock(long id, List<LockUse> holders, List<LockUse> waiters) {
    }

    /** A goroutine holding or waiting for a lock; {@code kind} is {@code Mutex}, {@code RWMutex.R} … */
    public record LockUse(long g, String kind) {
    }

    /**
     * One P.
     *
     * @param m       the M it was last seen on, or -1
     * @param running the goroutine running on it, or 0
     * @param runnext the goroutine in its {@code runnext} slot, or 0
     * @param runq    its local run queue, head first
     */
    public record Processor(int id, int m, long running, long runnext, List<Long> runq) {
    }

    /** One M (carrier thread); parked when it found nothing to run. */
    public record Machine(int id, boolean parked) {
    }
}
