import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import loomlab.engine.Chan;
import loomlab.exercises.api.AsyncLogger;

/** Wrong: close closes the queue and returns while the writer is still writing what was queued. */
public class BackgroundLogger implements AsyncLogger {
    private final AtomicLong dropped = new AtomicLong();
    private Chan<String> queue;

    @Override
    public void start(int capacity, Consumer<String> writer) {
        queue = Chan.make(capacity);
        go(() -> {
            for (String record : queue) {
                writer.accept(record);
            }
        });
    }

    @Override
    public void debug(String line) {
        select(send(queue, line), orElse(dropped::incrementAndGet));
    }

    @Override
    public void audit(String record) {
        queue.send(record);
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        queue.close();
    }
}
