import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import loomlab.engine.Chan;
import loomlab.exercises.api.AsyncLogger;

/** Wrong: when the queue is full, the caller writes its audit record itself, beside the writer and ahead of the queue. */
public class BackgroundLogger implements AsyncLogger {
    private final AtomicLong dropped = new AtomicLong();
    private Consumer<String> writer;
    private Chan<String> queue;
    private Chan<Void> writerDone;

    @Override
    public void start(int capacity, Consumer<String> writer) {
        this.writer = writer;
        queue = Chan.make(capacity);
        writerDone = Chan.make();
        go(() -> {
            for (String record : queue) {
                writer.accept(record);
            }
            writerDone.close();
        });
    }

    @Override
    public void debug(String line) {
        select(send(queue, line), orElse(dropped::incrementAndGet));
    }

    @Override
    public void audit(String record) {
        select(send(queue, record), orElse(() -> writer.accept(record)));
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        queue.close();
        writerDone.recv();
    }
}
