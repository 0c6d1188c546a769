package loomlab.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
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
 * stamp and enqueue (a few instructions under a spin lock, nothing that can block or park), and
 * this platform thread calls the listener. Enqueueing under the lock keeps the queue in sequence
 * order.
 *
 * <p>{@code queue} is lock-free; {@code delivered} is written only by the dispatcher thread.
 */
final class EventDispatcher {
    private final EventListener listener;
    private final ConcurrentLinkedQueue<Traced> queue = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile long delivered;
    private volatile boolean closing;
    /** Set by the dispatcher just before it parks, so emitters unpark it only then (a syscall each). */
    private volatile boolean sleeping;

    EventDispatcher(EventListener listener) {
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("loomlab-events").start(this::loop);
    }

    /** Called with the run's event lock held; never blocks. */
    void enqueue(Traced event) {
        queue.offer(event);
    }

    /** Called after the event lock is released: wakes the dispatcher thread if it sleeps. */
    void wake() {
        if (sleeping) {
            sleeping = false;
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        for (;;) {
            Traced e = queue.poll();
            if (e == null) {
                if (closing) {
                    return;
                }
                // Announce the sleep, then look once more: an event enqueued before the announcement
                // is seen here, one enqueued after it finds sleeping set and unparks us.
                sleeping = true;
                if (queue.isEmpty() && !closing) {
                    LockSupport.park(this);
                }
                sleeping = false;
                continue;
            }
            try {
                listener.on(e);
            } catch (RuntimeException | Error ex) {
                // A failing listener must not lose the run; it just misses this event.
            }
            delivered = e.seq();
        }
    }

    /** Waits until every event up to {@code lastSeq} has been handed over, then ends the thread. */
    void drainAndStop(long lastSeq) {
        while (delivered < lastSeq && thread.isAlive()) {
            LockSupport.parkNanos(100_000);
        }
        closing = true;
        LockSupport.unpark(thread);
    }
}
