import static loomlab.engine.Go.*;

import java.time.Instant;
import java.util.List;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** Every service gets every event on a channel of its own; the order service publishes and moves on. */
public class FanOutEvents {
    static Instant start;

    static Chan<String> service(String name, int millis, WaitGroup running) { // a consumer and its channel
        Chan<String> events = Chan.make(name + "-events", 8);
        running.add(1);
        go(name, () -> {
            for (String ev : events) {
                Time.sleepMillis(millis); // the service's own work
                println(name + ":", ev, "handled at", Time.format(Time.since(start)));
            }
            running.done();
        });
        return events;
    }

    public static void main(String[] args) {
        start = Time.now();
        WaitGroup running = new WaitGroup();
        List<Chan<String>> subscribers = List.of(service("stock", 40, running), service("points", 5, running));
        go("order-service", () -> {
            for (int i = 1; i <= 3; i++) {
                for (Chan<String> sub : subscribers) sub.send("order-" + i); // one copy of the event each
                println("order-service: order-" + i, "published at", Time.format(Time.since(start)));
                Time.sleepMillis(10); // the next order comes 10ms later
            }
            for (Chan<String> sub : subscribers) sub.close(); // no more events
        });
        running.await(); // until both services have handled every event
    }
}
