package loomlab.engine;

/**
 * A FIFO of {@link Waiter}s on one channel (Go's {@code waitq}): intrusive and doubly linked, so a
 * select can take its waiters out of the middle in constant time. Guarded by the channel's lock.
 */
final class WaitQueue {
    private Waiter first;
    private Waiter last;
    private int size;

    void enqueue(Waiter w) {
        w.prev = last;
        w.next = null;
        if (last == null) {
            first = w;
        } else {
            last.next = w;
        }
        last = w;
        w.queued = true;
        size++;
    }

    /**
     * Takes the first waiter that may still complete. A waiter of a select that another case has
     * already won is dropped on the way (Go's {@code waitq.dequeue}).
     */
    Waiter dequeue() {
        for (Waiter w = first; w != null; w = first) {
            remove(w);
            if (!(w instanceof SelectWaiter s) || s.sel.claim()) {
                return w;
            }
        }
        return null;
    }

    /** Removes {@code w} if it is still queued here. */
    void remove(Waiter w) {
        if (!w.queued) {
            return;
        }
        if (w.prev == null) {
            first = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            last = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.prev = null;
        w.next = null;
        w.queued = false;
        size--;
    }

    boolean isEmpty() {
        return first == null;
    }

    /** Number of waiters queued, including select waiters that may already have lost. */
    int size() {
        return size;
    }

    /** Oldest first; for dumps and views. */
    Waiter first() {
        return first;
    }
}
