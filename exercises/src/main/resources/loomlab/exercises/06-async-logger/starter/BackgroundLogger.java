import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;

import java.util.function.Consumer;
import loomlab.engine.Chan;
import loomlab.exercises.api.AsyncLogger;

/** A logger whose callers hand their records to one writer goroutine and go on. */
public class BackgroundLogger implements AsyncLogger {
    private Consumer<String> writer;

    @Override
    public void start(int capacity, Consumer<String> writer) {
        // This keeps no queue and starts no writer: every caller does the slow write itself.
        // TODO: make a channel with room for `capacity` records, and start one writer goroutine
        //       that takes them from it in turn and writes each with writer.accept(record).
        this.writer = writer;
    }

    @Override
    public void debug(String line) {
        // TODO: queue the line if there is room; if the queue is full, drop it and count it. Never wait.
        writer.accept(line);
    }

    @Override
    public void audit(String record) {
        // TODO: queue the record, waiting for room while the queue is full. Never drop it.
        writer.accept(record);
    }

    @Override
    public long dropped() {
        return 0;
    }

    @Override
    public void close() {
        // TODO: close the queue, then wait until the writer has written every queued record and ended.
    }
}
