import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** Shutdown: close the queue, let the writer drain it, and wait for done, but not forever. */
public class DrainOnClose {
    static void shutDown(String writer, Duration perRecord, Instant start) {
        Chan<String> logs = Chan.make(writer + "-queue", 8);
        Chan<Void> done = Chan.make(writer + "-done");
        go(writer, () -> {
            for (String rec : logs) { // once logs is closed: what is still queued, then the loop ends
                Time.sleep(perRecord);
                println(writer + ": wrote", rec, "at", Time.format(Time.since(start)));
            }
            done.close(); // everything is written
        });
        for (int i = 1; i <= 3; i++) logs.send("rec-" + i);
        logs.close(); // no more records: the queue is closed, not emptied
        select(recv(done, () -> println("main:", writer, "is done at", Time.format(Time.since(start)))),
                recv(Time.after(Duration.ofMillis(500)), () -> println("main: gave up on", writer,
                        "at", Time.format(Time.since(start)) + ",", logs.len(), "records still queued")));
    }

    public static void main(String[] args) {
        Instant start = Time.now();
        shutDown("log-writer", Duration.ofMillis(100), start);
        shutDown("stuck-writer", Duration.ofHours(1), start); // a disk that hangs
    }
}
