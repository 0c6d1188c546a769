package loomlab.engine.events;

import java.util.List;

/**
 * Everything observable that happens in a run, one record per kind of change. A
 * {@link Traced} wraps each with its sequence number, time, goroutine, P and M.
 *
 * <p>Ids: goroutine ids are Go's (main is 1); channel, context, timer and lock ids are numbered
 * per run from 1 in creation order, so that the same deterministic run gives the same ids. P and
 * M are numbered from 0; -1 means none. Values are short texts ({@code String.valueOf}, cut to
 * {@link #MAX_VALUE_TEXT} characters).
 */
public sealed interface Event {
    /** Longest value text an event carries. */
    int MAX_VALUE_TEXT = 40;

    // ---------------------------------------------------------------- goroutines

    /** {@code go f()}: goroutine {@code g} was created by {@code parent} (0 for main). */
    record GoCreate(long g, long parent, String name) implements Event {
    }

    /** {@code g} started running on the P and M of the envelope. */
    record GoStart(long g) implements Event {
    }

    /** {@code g} parked for Go's {@code reason} ({@code chan receive}, …) on {@code object} (0 if none). */
    record GoBlock(long g, String reason, long object) implements Event {
    }

    /** {@code g} was made runnable again by goroutine {@code by} (0: a timer or outside the run). */
    record GoUnblock(long g, long by) implements Event {
    }

    /** {@code g} gave up its P ({@code Go.yield()}, or a switch point in deterministic mode). */
    record GoYield(long g) implements Event {
    }

    /** {@code g} returned. */
    record GoEnd(long g) implements Event {
    }

    /** {@code g} panicked and nobody recovered. */
    record GoPanic(long g, String value) implements Event {
    }

    // ---------------------------------------------------------------- scheduler

    /** {@code g} was put in P {@code p}'s {@code runnext} slot, or at the tail of its local queue. */
    record RunqPush(int p, long g, boolean runnext) implements Event {
    }

    /** {@code g} was taken from P {@code p} ({@code runnext} or the head of the local queue) to run. */
    record RunqPop(int p, long g, boolean runnext) implements Event {
    }

    /** P {@code to} stole {@code gs} from P {@code from}. */
    record RunqSteal(int from, int to, List<Long> gs) implements Event {
    }

    /** {@code g} was put in the global run queue. */
    record GlobalPush(long g) implements Event {
    }

    /** {@code g} was taken from the global run queue by P {@code p}. */
    record GlobalPop(int p, long g) implements Event {
    }

    /** Machine (carrier thread) {@code m} started. */
    record MStart(int m) implements Event {
    }

    /** {@code m} found nothing to run and parked. */
    record MPark(int m) implements Event {
    }

    /** {@code m} was woken to look for work. */
    record MUnpark(int m) implements Event {
    }

    /** P {@code p} passed from M {@code fromM} to M {@code toM} (-1: to the idle list), e.g. in a syscall. */
    record Handoff(int p, int fromM, int toM) implements Event {
    }

    // ---------------------------------------------------------------- channels

    /**
     * {@code make(chan T, cap)}; {@code name} is the one given to {@code Chan.make(name, cap)}, or "".
     * A {@code timer} channel is a Timer's or Ticker's {@code C}: one slot inside, which the program
     * sees as {@code cap 0, len 0} (CH-14).
     */
    record ChanMake(long ch, int cap, String name, boolean timer) implements Event {
        public ChanMake(long ch, int cap, String name) {
            this(ch, cap, name, false);
        }

        public ChanMake(long ch, int cap) {
            this(ch, cap, "");
        }
    }

    /**
     * {@code g} sent {@code value} on {@code ch}: into buffer slot {@code slot}, or straight to a
     * parked receiver ({@code slot == -1}, {@code to} = the receiver). {@code g} 0: a timer fired
     * into its channel.
     */
    record ChanSend(long ch, long g, String value, int slot, long to) implements Event {
    }

    /**
     * {@code g} received {@code value} from {@code ch}: from slot {@code slot}, or straight from a
     * parked sender ({@code slot == -1}, {@code from} = the sender); {@code ok} false after close.
     * {@code g} 0: a timer's Stop or Reset threw away a value nobody received.
     */
    record ChanRecv(long ch, long g, String value, boolean ok, int slot, long from) implements Event {
    }

    /** {@code close(ch)}. */
    record ChanClose(long ch, long g) implements Event {
    }

    /** {@code g} queued itself on {@code ch}'s send queue (holding {@code value}) or receive queue. */
    record WaiterEnqueue(long ch, long g, boolean send, String value) implements Event {
    }

    /** {@code g} left {@code ch}'s send or receive queue (served, closed, or a select that lost). */
    record WaiterDequeue(long ch, long g, boolean send) implements Event {
    }

    /** {@code g} entered a select of {@code cases} cases, with or without a default. */
    record SelectBegin(long g, int cases, boolean hasDefault) implements Event {
    }

    /** {@code g}'s select chose case {@code index} (-1: the default). */
    record SelectChosen(long g, int index) implements Event {
    }

    // ---------------------------------------------------------------- contexts, timers, locks

    /**
     * A context was made: its kind ({@code CANCEL}, {@code DEADLINE}, {@code VALUE},
     * {@code WITHOUT_CANCEL}, …, the names of {@code ContextKind}), its parent (-1 for
     * {@code context.Background()}, -2 for {@code context.TODO()}, which are never announced), its
     * deadline in run nanos (-1: none; a deadline's timer shows as the CtxCancel it causes), and a
     * label ({@code key=value} for a value context), and the id of its {@code done()} channel (0 if it
     * has none of its own: a value context shares its parent's).
     */
    record CtxCreate(long ctx, long parent, String kind, long deadline, String label, long done) implements Event {
        public CtxCreate(long ctx, long parent, String kind, long deadline, String label) {
            this(ctx, parent, kind, deadline, label, 0);
        }
    }

    /** {@code ctx} was cancelled with {@code err}, because of {@code cause}. */
    record CtxCancel(long ctx, String err, String cause) implements Event {
    }

    /** Timer {@code timer} set to fire at {@code when} (run nanos), every {@code period} if positive. */
    record TimerStart(long timer, long when, long period) implements Event {
    }

    /** Timer {@code timer} stopped. */
    record TimerStop(long timer) implements Event {
    }

    /** Timer {@code timer} fired. */
    record TimerFire(long timer) implements Event {
    }

    /** The virtual clock jumped to {@code nanos}. */
    record ClockAdvance(long nanos) implements Event {
    }

    /** {@code g} waits for lock {@code lock} ({@code kind}: {@code Mutex}, {@code RWMutex.R}, …). */
    record LockWait(long lock, long g, String kind) implements Event {
    }

    /** {@code g} holds lock {@code lock}. */
    record LockAcquire(long lock, long g, String kind) implements Event {
    }

    /** {@code g} released lock {@code lock}. */
    record LockRelease(long lock, long g, String kind) implements Event {
    }

    // ---------------------------------------------------------------- output and the end

    /**
     * {@code g} printed {@code text} (one line, without its newline). Never null: a trace that
     * stored none (damaged, or written by hand) reads as an empty line, not as a crash of every fold.
     */
    record Output(long g, String text) implements Event {
        public Output {
            text = text == null ? "" : text;
        }
    }

    /** Every goroutine was asleep; {@code report} is Go's dump. */
    record Deadlock(String report) implements Event {
    }

    /** {@code g} was still alive, waiting for {@code reason}, when main returned. */
    record Leak(long g, String reason) implements Event {
    }

    /** The run ended with Go's exit status; {@code report} is what went to standard error. */
    record Exit(int status, String report) implements Event {
    }

    /** {@code String.valueOf(v)}, cut to {@link #MAX_VALUE_TEXT} characters. */
    static String text(Object v) {
        String s = String.valueOf(v);
        if (s.length() <= MAX_VALUE_TEXT) {
            return s;
        }
        int cut = MAX_VALUE_TEXT - 1;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return s.substring(0, cut) + "…";
    }
}
