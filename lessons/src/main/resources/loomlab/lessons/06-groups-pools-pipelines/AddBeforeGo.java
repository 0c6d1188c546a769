import static loomlab.engine.Go.*;

import java.time.Instant;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** wg.add inside the new goroutine comes too late for await(); wg.go (add before go) does not. */
public class AddBeforeGo {
    static final Instant START = Time.now();
    static final String[] FILES = {"a.png", "b.png", "c.png"};

    static void upload(String batch, String file) {
        Time.sleepMillis(100); // stands for the upload
        println(batch + ": uploaded", file, "at", Time.format(Time.since(START)));
    }

    public static void main(String[] args) {
        WaitGroup first = new WaitGroup();
        for (String f : FILES) {
            go("first-" + f, () -> {
                first.add(1); // wrong: main may reach await() before this line runs
                try {
                    upload("first", f);
                } finally {
                    first.done();
                }
            });
        }
        first.await();
        println("main: first batch done at", Time.format(Time.since(START)));
        Time.sleepMillis(200); // only to keep the two batches apart

        WaitGroup second = new WaitGroup();
        for (String f : FILES) {
            second.go(() -> upload("second", f)); // add(1) now, done() when upload returns
        }
        second.await();
        println("main: second batch done at", Time.format(Time.since(START)));
    }
}
