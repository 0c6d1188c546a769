import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** The disk answers after 200ms, the cache after 50ms: select takes whichever is ready first. */
public class FirstReady {
    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<String> disk = Chan.make("disk");
        Chan<String> cache = Chan.make("cache");
        go("disk-reader", () -> {
            Time.sleep(Duration.ofMillis(200));
            disk.send("disk");
        });
        go("cache-reader", () -> {
            Time.sleep(Duration.ofMillis(50));
            cache.send("cache");
        });
        for (int i = 0; i < 2; i++) { // two answers to wait for
            select(recv(disk, from -> println("main:", from, "answered at", Time.format(Time.since(start)))),
                    recv(cache, from -> println("main:", from, "answered at", Time.format(Time.since(start)))));
        }
    }
}
