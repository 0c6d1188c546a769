package loomlab.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

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
 * Spinning before parking is left out on purpose: with one carrier the partner cannot run
 * while we spin (Jox loses 26x to Go on ping-pong that way).
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
    private final int capacity;
    private final boolean isNil;
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
        this(capacity, isNil, false);
    }

    private Chan(int capacity, boolean isNil, boolean isTimer) {
        this.id = IDS.incrementAndGet();
        this.capacity = capacity;
        this.isNil = isNil;
        this.isTimer = isTimer;
        this.buf = capacity > 0 ? new Object[capacity] : null;
    }

    /** Go's {@code make(chan T)}: an unbuffered channel. */
    public static <T> Chan<T> make() {
        return new Chan<>(0, false);
    }

    /** Go's {@code make(chan T, n)}; a negative size panics {@code makechan: size out of range}. */
    public static <T> Chan<T> make(int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new RuntimeError("makechan: size out of range");
        }
        return new Chan<>(capacity, false);
    }

    /** Go's nil channel ({@code var ch chan T}): send and receive block forever, close panics. */
    @SuppressWarnings("unchecked")
    public static <T> Chan<T> nil() {
        return (Chan<T>) NIL;
    }

    /** The channel of a Timer or Ticker. */
    static <T> Chan<T> timerChan() {
        return new Chan<>(1, false, true);
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
        Runtime.switchPoint();
        if (isNil) {
            Runtime.blockForever(WaitReason.CHAN_SEND_NIL);
        }
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new RuntimeError("send on closed channel");
        }
        Waiter receiver = recvq.dequeue();
        if (receiver != null) {
            sendDirect(receiver, value);
            lock.unlock();
            receiver.ready();
            return;
        }
        if (count < capacity) {
            bufferPut(value);
            lock.unlock();
            return;
        }
        Goroutine g = Goroutine.current();
        Waiter self = new Waiter(g, this, value, null, 0);
        sendq.enqueue(self);
        boolean allAsleep = g != null && g.park(WaitReason.CHAN_SEND);
        lock.unlock();
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await();
        Runtime.running(g);
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
        Runtime.switchPoint();
        if (isNil) {
            Runtime.blockForever(WaitReason.CHAN_RECEIVE_NIL);
        }
        lock.lock();
        if (closed && count == 0) {
            lock.unlock();
            return CLOSED;
        }
        Waiter sender = sendq.dequeue();
        if (sender != null) {
            Object v = recvFromSender(sender);
            lock.unlock();
            sender.ready();
            return v;
        }
        if (count > 0) {
            Object v = bufferTake();
            lock.unlock();
            return v;
        }
        Goroutine g = Goroutine.current();
        Waiter self = new Waiter(g, this, null, null, 0);
        recvq.enqueue(self);
        boolean allAsleep = g != null && g.park(WaitReason.CHAN_RECEIVE);
        lock.unlock();
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await();
        Runtime.running(g);
        return self.success ? self.elem : CLOSED;
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        Runtime.switchPoint();
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
        // Release all readers: they get the zero value and ok=false.
        for (Waiter w = recvq.dequeue(); w != null; w = recvq.dequeue()) {
            w.elem = null;
            w.success = false;
            released.add(w);
        }
        // Release all writers: they will panic.
        for (Waiter w = sendq.dequeue(); w != null; w = sendq.dequeue()) {
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
    void offer(Object value) {
        lock.lock();
        Waiter receiver = recvq.dequeue();
        if (receiver != null) {
            sendDirect(receiver, value);
            lock.unlock();
            receiver.ready();
            return;
        }
        if (count < capacity) {
            bufferPut(value);
        }
        lock.unlock();
    }

    /** Empties the buffer (Go's {@code timerchandrain}); true if a value was waiting there. */
    boolean drain() {
        lock.lock();
        try {
            boolean had = count > 0;
            while (count > 0) {
                bufferTake();
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
        return isNil ? "chan(nil)" : "chan#" + id + "(cap " + capacity + ")";
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
    void sendDirect(Waiter receiver, Object value) {
        receiver.elem = value;
        receiver.success = true;
    }

    /**
     * Completes a parked sender (Go's {@code recv}). Unbuffered: its value passes straight over.
     * Buffered and full: the receiver takes the head and the sender's value goes to the tail,
     * which keeps FIFO order.
     */
    Object recvFromSender(Waiter sender) {
        Object v;
        if (capacity == 0) {
            v = sender.elem;
        } else {
            v = buf[recvx];
            buf[recvx] = sender.elem;
            if (++recvx == capacity) {
                recvx = 0;
            }
            sendx = recvx;
        }
        sender.elem = null;
        sender.success = true;
        return v;
    }

    void bufferPut(Object value) {
        buf[sendx] = value;
        if (++sendx == capacity) {
            sendx = 0;
        }
        count++;
    }

    Object bufferTake() {
        Object v = buf[recvx];
        buf[recvx] = null;
        if (++recvx == capacity) {
            recvx = 0;
        }
        count--;
        return v;
    }
}
