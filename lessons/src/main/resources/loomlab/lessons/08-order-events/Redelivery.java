import static loomlab.engine.Go.*;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** At-least-once delivery sends order-1 twice; the consumer knows it by its id and applies it once. */
public class Redelivery {
    record OrderCreated(String id, String order, int points) {}

    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<OrderCreated> events = Chan.make("points-events", 8);
        Chan<Integer> balance = Chan.make("balance");
        go("points", () -> {
            Set<String> applied = new HashSet<>(); // ids of the events already applied; only points uses it
            int total = 0;
            for (OrderCreated ev : events) {
                String at = Time.format(Time.since(start));
                if (!applied.add(ev.id())) { // add is false if the id was there already
                    println("points:", ev.id(), "again at", at + ": already applied, skipped");
                    continue;
                }
                total += ev.points();
                println("points:", ev.id(), "applied at", at + ":", ev.order(), "+" + ev.points() + ", total", total);
            }
            balance.send(total);
        });
        OrderCreated first = new OrderCreated("evt-1", "order-1", 40);
        events.send(first);
        events.send(new OrderCreated("evt-2", "order-2", 25));
        Time.sleepMillis(100); // no ack came back for evt-1 in time...
        events.send(first); // ...so the broker delivers it again
        events.close();
        println("main: balance", balance.recv(), "(expected 65)");
    }
}
