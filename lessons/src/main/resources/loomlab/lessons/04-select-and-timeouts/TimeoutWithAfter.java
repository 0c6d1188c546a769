import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** Each call gets 100ms: a select between its reply and Time.after gives up on the slow one. */
public class TimeoutWithAfter {
    static void call(String name, Duration cost) {
        Instant start = Time.now();
        Chan<String> reply = Chan.make(name + "-reply", 1); // one slot: a late reply never blocks
        go(name, () -> {
            Time.sleep(cost); // stands for a remote call
            reply.send("ok");
        });
        select(recv(reply, r -> println(name + ": got", r, "after", Time.format(Time.since(start)))),
                recv(Time.after(Duration.ofMillis(100)),
                        () -> println(name + ": gave up after", Time.format(Time.since(start)))));
    }

    public static void main(String[] args) {
        call("fast", Duration.ofMillis(40));
        call("slow", Duration.ofMillis(300));
        println("main: done");
    }
}
