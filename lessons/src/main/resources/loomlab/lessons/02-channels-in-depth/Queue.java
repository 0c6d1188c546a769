import static loomlab.engine.Go.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** A fast producer and a slow consumer, decoupled by a buffer of two. */
public class Queue {
    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<Integer> queue = Chan.make("queue", 2);
        go("producer", () -> {
            for (int v = 1; v <= 4; v++) {
                queue.send(v);
                println("producer: put", v, "at", Time.format(Time.since(start)));
            }
            queue.close();
        });
        for (int v : queue) {
            Time.sleep(Duration.ofSeconds(1)); // each value takes a second to handle
            println("consumer: handled", v, "at", Time.format(Time.since(start)));
        }
    }
}
