import static loomlab.engine.Go.*;

import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** Handlers only put their log records on a buffered channel; one writer does the slow writing. */
public class LogQueue {
    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<String> logs = Chan.make("logs", 8); // the log queue: eight slots
        Chan<Void> written = Chan.make("written");
        go("log-writer", () -> { // the only goroutine that touches the disk
            for (String rec : logs) {
                Time.sleepMillis(30); // stands for the write to disk
                println("log-writer: wrote", rec, "at", Time.format(Time.since(start)));
            }
            written.close(); // logs is closed and drained
        });
        WaitGroup handlers = new WaitGroup();
        for (String name : new String[] {"handler-1", "handler-2"}) {
            handlers.add(1);
            go(name, () -> {
                for (int i = 1; i <= 3; i++) {
                    Time.sleepMillis(10); // the request's own work
                    logs.send(name + "/req-" + i); // a slot is free: this returns at once
                    println(name + ": request", i, "done at", Time.format(Time.since(start)));
                }
                handlers.done();
            });
        }
        handlers.await();
        println("main: all requests done at", Time.format(Time.since(start)));
        logs.close(); // no more records (the last step looks at this closely)
        written.recv(); // wait until the writer has written what was queued
    }
}
