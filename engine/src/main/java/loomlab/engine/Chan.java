package loomlab.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import loomlab.engine.events.Event;

/**
 * A Go channel: Go's {@code hchan}, with Go's semantics to the letter.
 *
 * <h2>The model</h2>
 * A channel is a lock, an optional ring buffer, a closed flag, and two FIFO queues of parked
 * goroutines: {@code recvq} (waiting receivers) and {@code sendq} (waiting senders, each holding
 * the value it sends). Every operation takes the lock, looks at that state, and either completes
 * at once or parks on a queue. A partner that arrives later completes the parked operation for
 * it (moving the value itself) and wakes it; the woken goroutine only reads its result. This is
 * the algorithm of Go's {@code runtime/chan.go} and {@code select.go}.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>At least one of {@code sendq} and {@code recvq} is empty, except for an unbuffered channel
 *     with a single goroutine in a select that both sends and receives on it, whose waiters
 *     cannot match themselves.</li>
 * <li>Buffered: {@code count > 0} implies {@code recvq} is empty;
 *     {@code count < cap} implies {@code sendq} is empty.</li>
 * <li>Once closed, {@code sendq} and {@code recvq} are empty and stay empty.</li>
 * </ul>
 *
 * <h2>Where things happen</h2>
 * Values move only in {@link #sendDirect}, {@link #recvFromSender}, {@link #bufferPut} and
 * {@link #bufferTake}; goroutines park only in {@link Waiter#await()} and
 * {@link SelectWait#await()} and wake only in {@link Waiter#ready()}. The scheduler and the
 * event stream observe these places.
 *
 * <h2>Rejected</h2>
 * Lock-free segment queues (Jox, Kotlin) beat a lock under heavy contention but make close
 * recursive or linear in segments, and make select far harder to explain to a learner; the
 * goal here is Go's algorithm, which a learner can read side by side with {@code chan.go}.
 * Spinning before parking is only done when the scheduler says the partner may be running on
 * another carrier right now ({@link Scheduler#spinBeforePark}): with one carrier the partner
 * cannot run while we spin (Jox spins regardless and loses 26x to Go on ping-pong that way).
 */
public final class Chan<T> implements SendChan<T>, RecvChan<T> {
    private static final AtomicLong IDS = new AtomicLong();
    /** What {@link #recv0} returns when the channel is closed and drained. */
    private static final Object CLOSED = new Object();
    private static final Chan<?> NIL = new Chan<>(0, true);
    /** The largest buffer {@code make} accepts; Go's limit depends on memory, ours on arrays. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /** Unique, increasing: the lock order of select (Go sorts by address). */
    final long id;
    /** The id events and views use: numbered per run (the global id outside a run). */
    final long oid;
    private final int capacity;
    private final boolean isNil;
    /** What the views call it; null if it was made without a name. */
    private final String name;
    /** A Timer's or Ticker's channel: buffered (1) inside, unbuffered to the user (CH-14). */
    private final boolean isTimer;
    final ReentrantLock lock = new ReentrantLock();

    // All guarded by lock.
    private final Object[] buf;
    private int count;
    private int sendx;
    private int recvx;
    private boolean closed;
    final WaitQueue recvq = new WaitQueue();
    final WaitQueue sendq = new WaitQueue();

    private Chan(int capacity, boolean isNil) {
        this(capacity, isNil, false, null);
    }

    private Chan(int capacity, boolean isNil, boolean isTimer, String name) {
        this.id = IDS.incrementAndGet();
        this.name = name;
        this.capacity = capacity;
        this.isNil = isNil;
        this.isTimer = isTimer;
        Goroutine g = isNil ? null : Goroutine.current();
        this.oid = isNil ? 0 : g != null ? g.runtime.nextObjectId() : id;
        if (g != null && g.traced) {
            g.runtime.emit(g, new Event.ChanMake(oid, capacity, name == null ? "" : name, isTimer));
        }
        this.buf = capacity > 0 ? new Object[capacity] : null;
    }

    /** Go's {@code make(chan T)}: an unbuffered channel. */
    public static <T> Chan<T> make() {
        return new Chan<>(0, false);
    }

    /** Go's {@code make(chan T, n)}; a negative size panics {@code makechan: size out of range}. */
    public static <T> Chan<T> make(int capacity) {
        return make(null, capacity);
    }

    /**
     * {@code make(chan T, n)} with a name for the views and the trace (e.g. {@code "jobs"}). Go has
     * no such thing; lessons use it so that a note can say "watch the jobs channel".
     */
    public static <T> Chan<T> make(String name, int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new RuntimeError("makechan: size out of range");
        }
        return new Chan<>(capacity, false, false, name);
    }

    /** An unbuffered channel with a name for the views and the trace. */
    public static <T> Chan<T> make(String name) {
        return make(name, 0);
    }

    /** Go's nil channel ({@code var ch chan T}): send and receive block forever, close panics. */
    @SuppressWarnings("unchecked")
    public static <T> Chan<T> nil() {
        return (Chan<T>) NIL;
    }

    /** The channel of a Timer or Ticker, named for the views ({@code time.After}, {@code timer.C}, {@code ticker.C}). */
    static <T> Chan<T> timerChan(String name) {
        return new Chan<>(1, false, true, name);
    }

    /** This channel seen as send-only, Go's {@code chan<- T}. */
    public SendChan<T> sendOnly() {
        return this;
    }

    /** This channel seen as receive-only, Go's {@code <-chan T}. */
    public RecvChan<T> recvOnly() {
        return this;
    }

    boolean isNil() {
        return isNil;
    }

    // ---------------------------------------------------------------- send

    @Override
    public void send(T value) {
        Goroutine g = Goroutine.enterChanOp();
        if (isNil) {
            Runtime.blockForever(WaitReason.CHAN_SEND_NIL);
        }
        lock.lock();
        if (closed) {
            lock.unlock();
            Goroutine.endOp(g);
            throw new RuntimeError("send on closed channel");
        }
        Waiter receiver = dequeue(g, recvq);
        if (receiver != null) {
            sendDirect(g, receiver, value);
            lock.unlock();
            receiver.ready();
            Goroutine.endOp(g);
            return;
        }
        if (count < capacity) {
            bufferPut(g, value);
            lock.unlock();
            Goroutine.endOp(g);
            return;
        }
        Waiter self = new Waiter(g, this, value);
        enqueue(sendq, self);
        boolean allAsleep = g != null && g.park(WaitReason.CHAN_SEND, oid);
        lock.unlock();
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await(capacity == 0);
        Runtime.running(g);
        Goroutine.endOp(g);
        if (!self.success) {
            throw new RuntimeError("send on closed channel");
        }
    }

    // ---------------------------------------------------------------- receive

    @Override
    @SuppressWarnings("unchecked")
    public T recv() {
        Object v = recv0();
        return v == CLOSED ? null : (T) v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> recvOk() {
        Object v = recv0();
        return v == CLOSED ? new Received<>(null, false) : new Received<>((T) v, true);
    }

    private Object recv0() {
        Goroutine g = Goroutine.enterChanOp();
        if (isNil) {
            Runtime.blockForever(WaitReason.CHAN_RECEIVE_NIL);
        }
        lock.lock();
        if (closed && count == 0) {
            lock.unlock();
            traceRecvClosed(g);
            Goroutine.endOp(g);
            return CLOSED;
        }
        Waiter sender = dequeue(g, sendq);
        if (sender != null) {
            Object v = recvFromSender(g, sender);
            lock.unlock();
            sender.ready();
            Goroutine.endOp(g);
            return v;
        }
        if (count > 0) {
            Object v = bufferTake(g);
            lock.unlock();
            Goroutine.endOp(g);
            return v;
        }
        Waiter self = new Waiter(g, this, null);
        enqueue(recvq, self);
        boolean allAsleep = g != null && g.park(WaitReason.CHAN_RECEIVE, oid);
        lock.unlock();
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await(capacity == 0);
        Runtime.running(g);
        Goroutine.endOp(g);
        return self.success ? self.elem : CLOSED;
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        Goroutine g = Goroutine.current();
        if (g != null) {
            g.runtime.switchPoint(g);
        }
        if (isNil) {
            throw new RuntimeError("close of nil channel");
        }
        List<Waiter> released = new ArrayList<>();
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new RuntimeError("close of closed channel");
        }
        closed = true;
        if (g != null && g.traced) {
            g.runtime.emit(g, new Event.ChanClose(oid, g.id));
        }
        // Release all readers: they get the zero value and ok=false.
        for (Waiter w = dequeue(g, recvq); w != null; w = dequeue(g, recvq)) {
            w.elem = null;
            w.success = false;
            released.add(w);
        }
        // Release all writers: they will panic.
        for (Waiter w = dequeue(g, sendq); w != null; w = dequeue(g, sendq)) {
            w.elem = null;
            w.success = false;
            released.add(w);
        }
        lock.unlock();
        for (Waiter w : released) {
            w.ready();
        }
    }

    // ---------------------------------------------------------------- len, cap, range

    @Override
    public int len() {
        if (isNil || isTimer) {
            return 0;
        }
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int cap() {
        return isTimer ? 0 : capacity;
    }

    // ---------------------------------------------------------------- timer channels

    /**
     * A timer's send (Go's {@code sendTime}): never blocks; hands the value to a waiting receiver,
     * or leaves it in the one-slot buffer, or drops it when a value is already waiting there.
     */
    void offer(Object value, Runtime traceTo) {
        lock.lock();
        Waiter receiver = dequeue(null, recvq);
        if (receiver != null) {
            sendDirect(null, receiver, value);
            lock.unlock();
            receiver.ready();
            return;
        }
        if (count < capacity) {
            int slot = sendx;
            bufferPut(null, value);
            if (traceTo != null) {
                traceSend(traceTo, null, value, slot, null); // by g 0: the timer
            }
        }
        lock.unlock();
    }

    /**
     * Empties the buffer (Go's {@code timerchandrain}); true if a value was waiting there. Traced
     * as a receive by g 0: nobody received it, Stop or Reset threw it away.
     */
    boolean drain(Runtime traceTo) {
        lock.lock();
        try {
            boolean had = count > 0;
            while (count > 0) {
                int slot = recvx;
                Object v = bufferTake(null);
                if (traceTo != null) {
                    traceRecv(traceTo, null, v, slot, null);
                }
            }
            return had;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Object next;
            private boolean fetched;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    next = recv0();
                    fetched = true;
                }
                return next != CLOSED;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("channel closed");
                }
                fetched = false;
                return (T) next;
            }
        };
    }

    @Override
    public String toString() {
        return isNil ? "chan(nil)" : (name != null ? name : "chan#" + id) + "(cap " + cap() + ")";
    }

    /** What a view or a test sees of this channel now: for comparing with a fold of its events. */
    record Snapshot(long id, int cap, List<String> buffered, boolean closed, List<Long> senders, List<Long> receivers) {
    }

    Snapshot snapshot() {
        lock.lock();
        try {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(Event.text(buf[(recvx + i) % capacity]));
            }
            return new Snapshot(oid, capacity, values, closed, waiting(sendq), waiting(recvq));
        } finally {
            lock.unlock();
        }
    }

    private static List<Long> waiting(WaitQueue q) {
        List<Long> ids = new ArrayList<>();
        for (Waiter w = q.first(); w != null; w = w.next) {
            ids.add(gid(w.g));
        }
        return ids;
    }

    /**
     * Whether a send ({@code send}) or a receive could complete now, read without the lock: a
     * hint for select's pass 0, which checks again under the lock. A stale answer costs only time.
     */
    boolean looksReady(boolean send) {
        if (closed) {
            return true;
        }
        return send ? !recvq.isEmpty() || count < capacity : !sendq.isEmpty() || count > 0;
    }

    // ---------------------------------------------------------------- primitives, lock held

    boolean closedLocked() {
        return closed;
    }

    boolean bufferHasValue() {
        return count > 0;
    }

    boolean bufferHasRoom() {
        return count < capacity;
    }

    /** Hands {@code value} straight to a parked receiver (Go's {@code send} / {@code sendDirect}). */
    void sendDirect(Goroutine g, Waiter receiver, Object value) {
        receiver.elem = value;
        receiver.success = true;
        Runtime rt = tracer(g, receiver);
        if (rt != null) {
            traceSend(rt, g, value, -1, receiver.g);
        }
    }

    /**
     * Completes a parked sender (Go's {@code recv}). Unbuffered: its value passes straight over.
     * Buffered and full: the receiver takes the head and the sender's value goes to the tail,
     * which keeps FIFO order.
     */
    Object recvFromSender(Goroutine g, Waiter sender) {
        Object v;
        Runtime rt = tracer(g, sender);
        if (capacity == 0) {
            v = sender.elem;
            if (rt != null) {
                traceRecv(rt, g, v, -1, sender.g);
            }
        } else {
            int slot = recvx;
            v = buf[slot];
            buf[slot] = sender.elem;
            if (++recvx == capacity) {
                recvx = 0;
            }
            sendx = recvx;
            if (rt != null) {
                traceRecv(rt, g, v, slot, null);
                traceSend(rt, sender.g, sender.elem, slot, null);
            }
        }
        sender.elem = null;
        sender.success = true;
        return v;
    }

    void bufferPut(Goroutine g, Object value) {
        int slot = sendx;
        buf[slot] = value;
        if (++sendx == capacity) {
            sendx = 0;
        }
        count++;
        if (g != null && g.traced) {
            traceSend(g.runtime, g, value, slot, null);
        }
    }

    Object bufferTake(Goroutine g) {
        int slot = recvx;
        Object v = buf[slot];
        buf[slot] = null;
        if (++recvx == capacity) {
            recvx = 0;
        }
        count--;
        if (g != null && g.traced) {
            traceRecv(g.runtime, g, v, slot, null);
        }
        return v;
    }

    /** Queues a waiter and records it. Lock held. */
    void enqueue(WaitQueue q, Waiter w) {
        q.enqueue(w);
        Goroutine g = w.g;
        if (g != null && g.traced) {
            traceEnqueue(g, w, q == sendq);
        }
    }

    /** Takes the first live waiter of {@code q} and records it. Lock held. */
    Waiter dequeue(Goroutine by, WaitQueue q) {
        Waiter w = q.dequeue();
        if (w != null) {
            traceDequeue(by, w, q == sendq);
        }
        return w;
    }

    /** Takes a losing select waiter off its queue and records it. Lock held. */
    void remove(Goroutine by, Waiter w, boolean send) {
        if (w.queued) {
            (send ? sendq : recvq).remove(w);
            traceDequeue(by, w, send);
        }
    }

    private void traceDequeue(Goroutine by, Waiter w, boolean send) {
        Runtime rt = tracer(by, w);
        if (rt != null) {
            rt.emit(by, new Event.WaiterDequeue(oid, gid(w.g), send));
        }
    }

    // The events, each built in a method of its own: kept out of the hot methods, whose bytecode
    // then stays small enough for the JIT to inline them when nobody listens.

    /** {@code by} put {@code value} into {@code slot}, or handed it to {@code to} ({@code slot == -1}). */
    private void traceSend(Runtime rt, Goroutine by, Object value, int slot, Goroutine to) {
        rt.emit(by, new Event.ChanSend(oid, gid(by), Event.text(value), slot, gid(to)));
    }

    /** {@code by} took {@code value} from {@code slot}, or straight from {@code from} ({@code slot == -1}). */
    private void traceRecv(Runtime rt, Goroutine by, Object value, int slot, Goroutine from) {
        rt.emit(by, new Event.ChanRecv(oid, gid(by), Event.text(value), true, slot, gid(from)));
    }

    private void traceEnqueue(Goroutine g, Waiter w, boolean send) {
        g.runtime.emit(g, new Event.WaiterEnqueue(oid, g.id, send, send ? Event.text(w.elem) : null));
    }

    private void traceRecvClosed(Goroutine g) {
        if (g != null && g.traced) {
            g.runtime.emit(g, new Event.ChanRecv(oid, g.id, null, false, -1, 0));
        }
    }

    /** The run to record in, if either side is a goroutine of a traced run; else null. */
    private static Runtime tracer(Goroutine g, Waiter w) {
        Goroutine any = g != null ? g : w.g;
        return any != null && any.traced ? any.runtime : null;
    }

    private static long gid(Goroutine g) {
        return g == null ? 0 : g.id;
    }
}
