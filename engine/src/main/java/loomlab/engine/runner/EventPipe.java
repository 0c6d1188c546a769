package loomlab.engine.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import loomlab.engine.events.EventListener;
import loomlab.engine.events.TraceWriter;
import loomlab.engine.events.Traced;

/**
 * The child's side of the event stream: a {@link TraceWriter} on the child's standard output, fed
 * by a daemon thread that every {@link #FLUSH_INTERVAL_NANOS} moves the events that have arrived
 * into the writer and flushes it.
 *
 * <p>Why a queue between the run and the writer: the engine calls {@link #on} from goroutines.
 * Were they to call the writer, whose monitor the flusher holds while it writes to the pipe, a
 * goroutine would block on that monitor outside any engine operation, and a deterministic run
 * would wait on a pipe. So {@code on} only appends to a lock-free queue (in sequence order: the
 * engine emits one event at a time), and only the flusher, or {@link #close()}, touches the writer.
 * The queue is unbounded: a parent that stops reading costs the child memory, and the child's
 * {@code -Xmx} and {@code -XX:+ExitOnOutOfMemoryError} bound that.
 *
 * <p>Why one timed flush for every mode: a flush per event would cost a system call per event in a
 * deterministic run that goes flat out, and the workbench redraws at most 60 times a second
 * anyway. While a deterministic run is paused or stepping, a step's events reach the app within
 * one interval (possibly split over two flushes).
 *
 * <p>{@link #close()} writes the end marker. It runs when the run ends, and from a shutdown hook
 * when the program calls {@code System.exit}: the parent then sees a stream that ends cleanly
 * without an {@code Exit} event, and tells that apart from a crash, whose stream is cut.
 */
final class EventPipe implements EventListener, AutoCloseable {
    /** How often buffered events go to the parent: 4 ms, a quarter of a 60 Hz frame. */
    static final long FLUSH_INTERVAL_NANOS = 4_000_000;

    private final ConcurrentLinkedQueue<Traced> arrived = new ConcurrentLinkedQueue<>();
    /** Written only under {@code this}, by the flusher or by {@link #close()}. */
    private final TraceWriter writer;
    private final Thread flusher;
    private volatile boolean closed;

    EventPipe(OutputStream stdout, Map<String, String> metadata) throws IOException {
        this.writer = new TraceWriter(stdout, metadata);
        this.flusher = Thread.ofPlatform().daemon().name("loomlab-event-flusher").start(this::flushLoop);
    }

    @Override
    public void on(Traced event) {
        arrived.add(event);
    }

    private void flushLoop() {
        while (!closed) {
            LockSupport.parkNanos(FLUSH_INTERVAL_NANOS);
            if (!arrived.isEmpty() && !flushQuietly()) {
                return; // the parent has gone; the stdin reader ends the child
            }
        }
    }

    /** Sends what has arrived so far, without ending the stream; false if the parent has gone. */
    synchronized boolean flushQuietly() {
        if (closed) {
            return true;
        }
        try {
            drain();
            writer.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends what has arrived, writes the end marker and flushes; idempotent, quiet if the parent has gone. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(flusher);
        drain();
        try {
            writer.close();
        } catch (IOException e) {
            // Nobody is left to tell.
        }
    }

    private void drain() {
        for (Traced t = arrived.poll(); t != null; t = arrived.poll()) {
            writer.on(t);
        }
    }
}
