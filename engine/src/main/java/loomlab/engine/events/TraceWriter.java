package loomlab.engine.events;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a run's events in the format of {@link TraceFormat}: to a file, or to the pipe from the
 * child JVM to the app. Events may arrive from several threads at once; each is written whole.
 *
 * <p>Events collect in a buffer that goes to the stream when it grows large, on {@link #flush()}
 * and on {@link #close()}. On a pipe the runner calls {@code flush()} after each batch (and before
 * it waits for a control command), so that the app sees events while the run goes on.
 *
 * <p>{@link #on} never throws: a listener must not break the run because its disk is full or the
 * app has gone. The first failure stops all further writing and is thrown by the next
 * {@code flush()} or {@code close()}.
 */
public final class TraceWriter implements EventListener, AutoCloseable {
    /** A buffer this large goes to the stream without waiting for a flush. */
    private static final int DRAIN_THRESHOLD = 64 * 1024;

    private final OutputStream out;

    // All guarded by this.
    private final TraceOutput buffer = new TraceOutput();
    private long previousSeq;
    private long previousNanos;
    private long written;
    private boolean closed;
    private IOException failure;

    /**
     * Writes the header to {@code out} and flushes it, so that a reader on the other end of a pipe
     * can start at once.
     *
     * @param metadata what the run was, e.g. {@link Trace#PROGRAM} and {@link Trace#SEED}; written
     *                 in its iteration order
     */
    public TraceWriter(OutputStream out, Map<String, String> metadata) throws IOException {
        this.out = out;
        writeHeader(metadata);
        flush();
    }

    /** A writer to a new file (or one it truncates) at {@code path}. */
    public static TraceWriter create(Path path, Map<String, String> metadata) throws IOException {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(path));
        try {
            return new TraceWriter(file, metadata);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Writes the whole of {@code trace} to {@code path}. */
    public static void write(Trace trace, Path path) throws IOException {
        try (TraceWriter writer = create(path, trace.metadata())) {
            trace.events().forEach(writer::on);
        }
    }

    /** Appends one event; after {@link #close()} or a failure, does nothing. */
    @Override
    public synchronized void on(Traced traced) {
        if (closed || failure != null) {
            return;
        }
        EventCodec codec = EventCodec.of(traced.event());
        buffer.writeByte(codec.tag);
        buffer.writeZlong(traced.seq() - previousSeq);
        buffer.writeZlong(traced.nanos() - previousNanos);
        buffer.writeZlong(traced.g());
        buffer.writeZlong(traced.p());
        buffer.writeZlong(traced.m());
        buffer.writeString(traced.line());
        codec.writeComponents(traced.event(), buffer);
        previousSeq = traced.seq();
        previousNanos = traced.nanos();
        written++;
        if (buffer.size() >= DRAIN_THRESHOLD) {
            try {
                buffer.drainTo(out);
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /** Sends every event appended so far to the stream, and flushes it. */
    public synchronized void flush() throws IOException {
        throwFailure();
        try {
            buffer.drainTo(out);
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** The number of events written so far. */
    public synchronized long written() {
        return written;
    }

    /** Writes the end marker, flushes and closes the stream. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            if (failure == null) {
                buffer.writeByte(TraceFormat.END_TAG);
                buffer.writeVarint(written);
                buffer.drainTo(out);
                out.flush();
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        throwFailure();
    }

    private void throwFailure() throws IOException {
        if (failure != null) {
            throw new IOException("writing the trace failed after " + written + " events", failure);
        }
    }

    private void writeHeader(Map<String, String> metadata) {
        buffer.writeBytes(TraceFormat.MAGIC);
        buffer.writeInt(TraceFormat.VERSION);
        buffer.writeVarint(metadata.size());
        metadata.forEach((key, value) -> {
            buffer.writeString(key);
            buffer.writeString(value);
        });
        buffer.writeVarint(EventCodec.ALL.size());
        for (EventCodec codec : EventCodec.ALL) {
            buffer.writeByte(codec.tag);
            buffer.writeString(codec.name);
            buffer.writeVarint(codec.components.size());
            for (EventCodec.Component c : codec.components) {
                buffer.writeString(c.name());
                buffer.writeByte(c.type().code);
            }
        }
    }
}
