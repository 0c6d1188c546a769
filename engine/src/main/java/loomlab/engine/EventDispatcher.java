package loomlab.engine;

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
 * consumer: a list of fixed-size chunks, written in order. The producer stores the event in its
 * slot, then publishes the new count with a release store; the consumer reads the count with an
 * acquire load and may then read every slot below it. No node per event, no compare-and-set:
 * the event lock already paid for the ordering.
 *
 * <h2>Waking the dispatcher</h2>
 * Unparking a thread is a system call, dearer than emitting an event; waking the dispatcher for
 * each event made a listener cost several times the run itself. So the dispatcher, when it finds
 * nothing, spins a little, then sleeps for at most {@link #IDLE_SLEEP_NANOS}; an emitter wakes it
 * early only when {@link #WAKE_BACKLOG} events wait. An event therefore reaches the listener at
 * most about a millisecond after it happened: well inside a frame (16 ms) of the views.
 */
final class EventDispatcher {
    private static final int CHUNK = 1024;
    /** Emitters wake a sleeping dispatcher once this many events wait. */
    private static final long WAKE_BACKLOG = CHUNK / 2;
    /** The longest the dispatcher sleeps with nothing to deliver. */
    private static final long IDLE_SLEEP_NANOS = 1_000_000;
    private static final int IDLE_SPINS = 200;

    /** A run of {@link #CHUNK} slots; {@code next} is set by the producer before it publishes past this chunk. */
    private static final class Chunk {
        final Traced[] slots = new Traced[CHUNK];
        volatile Chunk next;
    }

    private final EventListener listener;
    private final Thread thread;

    // Producer side: written only under the run's event lock.
    private Chunk tail = new Chunk();
    private int tailIndex;
    private long appended;

    /** How many events may be read: the producer's release store, the consumer's acquire load. */
    private volatile long published;
    /** How many the listener has had; written only by the dispatcher thread. */
    private volatile long delivered;
    private volatile boolean closing;
    /** Set by the dispatcher just before it sleeps, so emitters unpark it only then. */
    private volatile boolean sleeping;

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
        tail.slots[tailIndex++] = event;
        published = ++appended;
    }

    /** Called after the event lock is released: wakes a sleeping dispatcher if events pile up. */
    void wake() {
        if (sleeping && published - delivered >= WAKE_BACKLOG) {
            sleeping = false;
            LockSupport.unpark(thread);
        }
    }

    private void loop(Chunk first) {
        Chunk head = first;
        int headIndex = 0;
        long done = 0;
        int idle = 0;
        for (;;) {
            long ready = published;
            if (ready == done) {
                if (closing && published == done) {
                    return;
                }
                if (++idle < IDLE_SPINS) {
                    Thread.onSpinWait();
                    continue;
                }
                sleeping = true;
                if (published == done && !closing) {
                    LockSupport.parkNanos(this, IDLE_SLEEP_NANOS);
                }
                sleeping = false;
                idle = 0;
                continue;
            }
            idle = 0;
            while (done < ready) {
                if (headIndex == CHUNK) {
                    Chunk next = head.next;
                    head.slots[CHUNK - 1] = null;
                    head = next;
                    headIndex = 0;
                }
                Traced e = head.slots[headIndex];
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
        }
    }

    /** Waits until every event up to {@code lastSeq} has been handed over, then ends the thread. */
    void drainAndStop(long lastSeq) {
        LockSupport.unpark(thread);
        while (delivered < lastSeq && thread.isAlive()) {
            LockSupport.parkNanos(100_000);
        }
        closing = true;
        LockSupport.unpark(thread);
    }
}
