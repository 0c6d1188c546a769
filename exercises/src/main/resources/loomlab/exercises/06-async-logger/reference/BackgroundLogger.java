import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import loomlab.engine.Chan;
import loomlab.exercises.api.AsyncLogger;

/** A logger whose callers hand their records to one writer goroutine and go on. */
public class BackgroundLogger implements AsyncLogger {
    private final AtomicLong dropped = new AtomicLong(); // callers drop lines from several goroutines at once
    private Chan<String> queue;
    private Chan<Void> writerDone;

    @Override
    public void start(int capacity, Consumer<String> writer) {
        queue = Chan.make("log-queue", capacity);
        writerDone = Chan.make("writer-done");
        go("log-writer", () -> {
            for (String record : queue) { // in the order they were queued; ends once closed and empty
                writer.accept(record);
            }
            writerDone.close();
        });
    }

    @Override
    public void debug(String line) {
        select(send(queue, line), orElse(dropped::incrementAndGet)); // full: drop it, never wait
    }

    @Override
    public void audit(String record) {
        queue.send(record); // full: wait for room (backpressure), never drop
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        queue.close(); // no more records; those still queued are still received
        writerDone.recv(); // until the writer has written the last of them
    }
}
