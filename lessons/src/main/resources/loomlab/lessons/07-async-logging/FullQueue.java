import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** The log queue is full: a debug line is dropped and counted, an audit record waits for room. */
public class FullQueue {
    static Chan<String> logs;
    static int dropped; // only main touches it

    static void debug(String line) { // nice to have: never wait for it
        select(send(logs, line), orElse(() -> dropped++));
    }

    static void audit(String rec) { logs.send(rec); } // must not be lost: wait for a free slot

    public static void main(String[] args) {
        Instant start = Time.now();
        logs = Chan.make("logs", 2);
        Chan<Void> written = Chan.make("written");
        go("log-writer", () -> {
            for (String rec : logs) {
                Time.sleepMillis(50); // a slow disk
                println("log-writer: wrote", rec, "at", Time.format(Time.since(start)));
            }
            written.close();
        });
        Time.sleepMillis(10); // a burst of requests arrives at 10ms
        for (int i = 1; i <= 5; i++) debug("debug-" + i);
        println("main: dropped", dropped, "debug lines at", Time.format(Time.since(start)));
        for (int i = 1; i <= 3; i++) {
            audit("audit-" + i);
            println("main: queued audit-" + i, "at", Time.format(Time.since(start)));
        }
        logs.close();
        written.recv();
    }
}
