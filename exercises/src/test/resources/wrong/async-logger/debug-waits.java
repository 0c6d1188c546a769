import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import loomlab.engine.Chan;
import loomlab.exercises.api.AsyncLogger;

/** Wrong: debug is a plain send, so a full queue makes the caller wait, and no line is ever dropped. */
public class BackgroundLogger implements AsyncLogger {
    private final AtomicLong dropped = new AtomicLong();
    private Chan<String> queue;
    private Chan<Void> writerDone;

    @Override
    public void start(int capacity, Consumer<String> writer) {
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
        queue.send(line);
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
        writerDone.recv();
    }
}
