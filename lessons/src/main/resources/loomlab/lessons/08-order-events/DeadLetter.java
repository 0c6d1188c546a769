import static loomlab.engine.Go.*;

import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** After three failed attempts an event goes to the dead-letter queue, and the next event is handled. */
public class DeadLetter {
    record Failed(String event, int attempts, String lastError) {} // a dead letter: the event, and why

    static String reserveStock(String ev) { // the error, or null (Go: error, or nil)
        return ev.equals("order-2") ? "no items in order" : null; // order-2 can never succeed
    }

    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<String> events = Chan.make("stock-events", 8);
        Chan<Failed> dlq = Chan.make("dlq", 100); // the dead-letter queue
        Chan<Void> stopped = Chan.make("stopped");
        go("stock", () -> {
            for (String ev : events) {
                for (int attempt = 1; ; attempt++) {
                    String at = Time.format(Time.since(start)), err = reserveStock(ev);
                    if (err == null) { println("stock:", ev, "reserved at", at); break; }
                    println("stock:", ev, "attempt", attempt, "failed at", at + ":", err);
                    if (attempt == 3) { dlq.send(new Failed(ev, attempt, err)); break; } // set it aside, go on
                    Time.sleepMillis(100L << (attempt - 1)); // 100ms, then 200ms
                }
            }
            stopped.close();
        });
        for (String ev : new String[] {"order-1", "order-2", "order-3"}) events.send(ev);
        events.close();
        stopped.recv(); // stock has handled every event
        println("main: dlq length", dlq.len());
        dlq.close(); // stock, its only sender, is done
        for (Failed f : dlq) println("main: dead letter", f.event(), "after", f.attempts(), "attempts:", f.lastError());
    }
}
