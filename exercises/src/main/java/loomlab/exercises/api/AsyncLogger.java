package loomlab.exercises.api;

import java.util.function.Consumer;

/**
 * Exercise {@code async-logger}: callers put records on a queue and go on; one writer goroutine
 * does the slow writing. {@link #debug} and {@link #audit} may be called from many goroutines at
 * once; {@link #start} comes first and {@link #close} last, each once, from one goroutine.
 */
public interface AsyncLogger {
    /**
     * Makes a queue with room for {@code capacity} records and starts the one writer goroutine,
     * which takes the records from the queue one at a time, in the order they were accepted, and
     * calls {@code writer.accept(record)} for each. {@code writer} is slow. Returns at once.
     */
    void start(int capacity, Consumer<String> writer);

    /** Queues {@code line} if the queue has room; otherwise drops it and counts it. Never waits. */
    void debug(String line);

    /** Queues {@code record}, waiting for room while the queue is full. Never drops it. */
    void audit(String record);

    /** How many debug lines have been dropped so far. */
    long dropped();

    /**
     * Stops accepting records, lets the writer write every record still queued, waits until it
     * has written the last one and ended, and returns. Called after every debug and audit call has
     * returned; no call follows it.
     */
    void close();
}
