import static loomlab.engine.Go.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** The points database times out twice, then answers; the consumer retries with exponential backoff. */
public class RetryBackoff {
    static final Duration BASE = Duration.ofMillis(100), MAX = Duration.ofSeconds(5);
    static int calls; // addPoints stands for a flaky database: its first two calls time out

    static String addPoints(String ev) { return ++calls <= 2 ? "points db: timeout" : null; } // the error, or null

    static Duration backoff(int failures) { // BASE, 2×BASE, 4×BASE, … but never more than MAX
        Duration d = BASE.multipliedBy(1L << Math.min(failures - 1, 20)); // (a bounded shift cannot overflow)
        return d.compareTo(MAX) < 0 ? d : MAX;
    }

    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<String> events = Chan.make("points-events", 8);
        Chan<Void> stopped = Chan.make("stopped");
        go("points", () -> {
            for (String ev : events) {
                for (int attempt = 1; ; attempt++) {
                    String at = "attempt " + attempt + " at " + Time.format(Time.since(start)), err = addPoints(ev);
                    if (err == null) { println("points:", ev, at + ": ok"); break; } // only now may it be acked
                    Duration wait = backoff(attempt);
                    println("points:", ev, at + ":", err + ", retry in", Time.format(wait));
                    Time.sleep(wait);
                }
            }
            stopped.close();
        });
        events.send("order-1");
        events.close(); // no more events
        stopped.recv(); // until points has handled them all
    }
}
