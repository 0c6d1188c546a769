import static loomlab.engine.Go.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** An unbuffered send completes only when a receiver takes the value. */
public class Rendezvous {
    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<Integer> handoff = Chan.make("handoff");
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        go("sender", () -> {
            println("sender: sending 42 at", Time.format(Time.since(start)));
            handoff.send(42);
            println("sender: handed over at", Time.format(Time.since(start)));
            wg.done();
        });
        Time.sleep(Duration.ofSeconds(1)); // main is busy for a second
        int v = handoff.recv();
        println("main: received", v, "at", Time.format(Time.since(start)));
        wg.await();
    }
}
