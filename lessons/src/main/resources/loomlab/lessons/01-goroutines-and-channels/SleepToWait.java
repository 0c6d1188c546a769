import static loomlab.engine.Go.*;

import java.time.Duration;
import loomlab.engine.Time;

/** Waiting by sleeping: a guess at how long the workers take, and one worker takes longer. */
public class SleepToWait {
    public static void main(String[] args) {
        int[] seconds = {1, 2, 4};
        for (int i = 0; i < seconds.length; i++) {
            int id = i + 1;
            Duration work = Duration.ofSeconds(seconds[i]);
            go("worker-" + id, () -> {
                Time.sleep(work);
                println("worker", id, "done after", Time.format(work));
            });
        }
        Time.sleep(Duration.ofSeconds(3)); // "long enough", we hope
        println("main: slept 3s, returning");
    }
}
