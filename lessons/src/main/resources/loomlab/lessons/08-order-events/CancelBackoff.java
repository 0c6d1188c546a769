import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Context;
import loomlab.engine.Time;

/** The wait between retries is a select on a timer and ctx.done(): a shutdown ends it at once. */
public class CancelBackoff {
    static String addPoints(String ev) { return "connection refused"; } // the points database is down

    public static void main(String[] args) {
        Instant start = Time.now();
        var ctx = Context.withCancel("points-service", Context.background()); // Go: ctx, cancel := ...
        Chan<String> events = Chan.make("points-events", 8);
        Chan<Void> stopped = Chan.make("stopped");
        go("points", () -> {
            consume: for (String ev : events) {
                for (int attempt = 1; addPoints(ev) != null; attempt++) { // waits 100ms, 200ms, 400ms…, 5s at most
                    Duration wait = Duration.ofMillis(Math.min(100L << Math.min(attempt - 1, 20), 5_000));
                    println("points:", ev, "attempt", attempt, "failed at", Time.format(Time.since(start)) + ",",
                            "retry in", Time.format(wait));
                    select(recv(Time.after(wait)), recv(ctx.done())); // the backoff, or the shutdown
                    if (ctx.err() != null) { // shut down while waiting: stop; ev is not acked
                        println("points: stopped at", Time.format(Time.since(start)) + ":", ctx.err());
                        break consume;
                    }
                }
            }
            stopped.close();
        });
        events.send("order-1");
        Time.sleepMillis(500);
        ctx.cancel(); // the service shuts down: its goroutines all watch this context
        stopped.recv(); // until points has stopped
        println("main: points stopped at", Time.format(Time.since(start)));
    }
}
