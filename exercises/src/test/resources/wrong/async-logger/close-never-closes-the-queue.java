import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import loomlab.engine.Chan;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.AsyncLogger;

/** Wrong: close waits until every accepted record is written, but never closes the queue: the writer waits forever. */
public class BackgroundLogger implements AsyncLogger {
    private final AtomicLong dropped = new AtomicLong();
    private final WaitGroup unwritten = new WaitGroup();
    private Chan<String> queue;

    @Override
    public void start(int capacity, Consumer<String> writer) {
        queue = Chan.make(capacity);
        go(() -> {
            for (String record : queue) {
                writer.accept(record);
                unwritten.done();
            }
        });
    }

    @Override
    public void debug(String line) {
        unwritten.add(1);
        select(send(queue, line), orElse(() -> {
            unwritten.done();
            dropped.incrementAndGet();
        }));
    }

    @Override
    public void audit(String record) {
        unwritten.add(1);
        queue.send(record);
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        unwritten.await();
    }
}
