import static loomlab.engine.Go.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** main waits for exactly as long as the workers take: a WaitGroup counts them. */
public class WaitGroupWait {
    public static void main(String[] args) {
        Instant start = Time.now();
        WaitGroup wg = new WaitGroup();
        int[] seconds = {1, 2, 4};
        for (int i = 0; i < seconds.length; i++) {
            int id = i + 1;
            Duration work = Duration.ofSeconds(seconds[i]);
            wg.add(1); // before go: the counter must be up before main can wait
            go("worker-" + id, () -> {
                try {
                    Time.sleep(work);
                    println("worker", id, "done after", Time.format(work));
                } finally {
                    wg.done(); // Go: defer wg.Done()
                }
            });
        }
        wg.await();
        println("main: all 3 workers done after", Time.format(Time.since(start)));
    }
}
