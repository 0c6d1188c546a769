import static loomlab.engine.Go.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** Each worker reports on a channel when it is done; main receives one report per worker. */
public class DoneChannel {
    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<Integer> done = Chan.make("done");
        int[] seconds = {3, 1, 2};
        for (int i = 0; i < seconds.length; i++) {
            int id = i + 1;
            Duration work = Duration.ofSeconds(seconds[i]);
            go("worker-" + id, () -> {
                Time.sleep(work);
                done.send(id);
            });
        }
        for (int i = 0; i < seconds.length; i++) {
            int id = done.recv();
            println("main: worker", id, "reported at", Time.format(Time.since(start)));
        }
        println("main: every worker reported");
    }
}
