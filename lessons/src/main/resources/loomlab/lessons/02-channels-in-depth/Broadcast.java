import static loomlab.engine.Go.*;

import java.time.Duration;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** Closing a channel wakes every receiver at once: a broadcast. */
public class Broadcast {
    public static void main(String[] args) {
        Chan<Void> done = Chan.make("done");
        WaitGroup wg = new WaitGroup();
        for (int i = 1; i <= 3; i++) {
            int id = i;
            wg.add(1);
            go("worker-" + id, () -> {
                done.recv(); // blocks until done is closed
                println("worker", id, "stops");
                wg.done();
            });
        }
        Time.sleep(Duration.ofSeconds(1));
        println("main: closing done");
        done.close();
        wg.await(); // without this, main could return before any worker prints
        println("main: every worker stopped");
    }
}
