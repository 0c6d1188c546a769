package loomlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import loomlab.engine.events.EventListener;
import loomlab.engine.events.Traced;

/**
 * Hands a run's events to its listener on a thread of its own, in sequence order.
 *
 * <h2>Why a thread</h2>
 * Events are stamped where they happen, often by a goroutine: a virtual thread. If that goroutine
 * called the listener itself while holding the run's event lock, and the listener blocked (a full
 * pipe, a contended monitor), the goroutine would unmount holding the lock; carrier threads
 * waiting for that lock could then never run it again, and the run would hang. So emitters only
 * stamp and append (a few instructions under a spin lock, nothing that can block or park), and
 * this platform thread calls the listener.
 *
 * <h2>The log</h2>
 * Appends are serialized by the run's event lock, so the log has one producer at a time and one
 * consumer: a list of fixed-size chunks, written in order. The producer stores each event into its
 * slot with a release store; the consumer reads the slots in order with acquire loads, and a slot
 * still empty is where the log ends for now. No node per event, no compare-and-set, and no
 * counter that both sides write for every event: the event lock already paid for the order, and
 * a shared counter moved its cache line between the two cores on every event.
 *
 * <h2>When the dispatcher looks</h2>
 * A dispatcher that waits on the next slot pulls that slot's cache line back from the emitting
 * core for every event, and one that is unparked per event costs a system call per event; either
 * made a listener several times dearer than the run. So it works in batches: it delivers all it
 * finds, then sleeps {@link #BUSY_SLEEP_NANOS} if it found any, doubling up to
 * {@link #IDLE_SLEEP_NANOS} while there are none. Emitters never wake it; the end of the run does.
 * An event therefore reaches the listener at most about a millisecond after it happened: well
 * inside a frame (16 ms) of the views.
 */
final class EventDispatcher {
    private static final int CHUNK = 1024;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Traced[].class);
    /** The dispatcher's sleep after a batch; long enough for a batch of some hundreds of events. */
    private static final long BUSY_SLEEP_NANOS = 50_000;
    /** The longest the dispatcher sleeps with nothing to deliver. */
    private static final long IDLE_SLEEP_NANOS = 1_000_000;

    /** A run of {@link #CHUNK} slots; {@code next} is set by the producer before it writes past this chunk. */
    private static final class Chunk {
        final Traced[] slots = new Traced[CHUNK];
        volatile Chunk next;
    }

    private final EventListener listener;
    private final Thread thread;

    // Producer side: written only under the run's event lock.
    private Chunk tail = new Chunk();
    private int tailIndex;

    /** How many the listener has had; written only by the dispatcher thread. */
    private volatile long delivered;
    private volatile boolean closing;

    EventDispatcher(EventListener listener) {
        this.listener = listener;
        Chunk first = tail;
        this.thread = Thread.ofPlatform().daemon().name("loomlab-events").start(() -> loop(first));
    }

    /** Appends {@code event}. Called with the run's event lock held; never blocks. */
    void enqueue(Traced event) {
        if (tailIndex == CHUNK) {
            Chunk c = new Chunk();
            tail.next = c;
            tail = c;
            tailIndex = 0;
        }
        SLOT.setRelease(tail.slots, tailIndex++, event);
    }

    private void loop(Chunk first) {
        Chunk head = first;
        int headIndex = 0;
        long done = 0;
        long sleep = BUSY_SLEEP_NANOS;
        for (;;) {
            boolean closed = closing; // read before the slots: after it, every event is in the log
            long before = done;
            for (;;) {
                if (headIndex == CHUNK) {
                    Chunk next = head.next;
                    if (next == null) {
                        break;
                    }
                    head = next;
                    headIndex = 0;
                }
                Traced e = (Traced) SLOT.getAcquire(head.slots, headIndex);
                if (e == null) {
                    break;
                }
                head.slots[headIndex++] = null; // let the event go once delivered
                try {
                    listener.on(e);
                } catch (RuntimeException | Error ex) {
                    // A failing listener must not lose the run; it just misses this event.
                }
                done++;
                if ((done & 63) == 0) {
                    delivered = done;
                }
            }
            delivered = done;
            if (closed) {
                return;
            }
            sleep = done > before ? BUSY_SLEEP_NANOS : Math.min(2 * sleep, IDLE_SLEEP_NANOS);
            LockSupport.parkNanos(this, sleep);
        }
    }

    /**
     * Called once the run has emitted its last event (number {@code lastSeq}): hands over every
     * event, waits until the listener has had them all, and ends the thread.
     */
    void drainAndStop(long lastSeq) {
        closing = true;
        LockSupport.unpark(thread);
        while (delivered < lastSeq && thread.isAlive()) {
            LockSupport.parkNanos(100_000);
        }
    }
}
