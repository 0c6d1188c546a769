import static loomlab.engine.Go.*;

import java.time.Instant;
import loomlab.engine.RWMutex;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** Readers share an RWMutex; the writer holds it alone, and while it waits no new reader gets in. */
public class ReadersAndWriter {
    static final Instant START = Time.now();
    static final WaitGroup wg = new WaitGroup();
    static final RWMutex mu = new RWMutex(); // guards config
    static String config = "v1";

    static void start(String name, boolean writer) {
        wg.add(1);
        go(name, () -> {
            if (writer) mu.lock(); else mu.rLock(); // a writer alone, readers together
            try { // Go: defer mu.Unlock(), or defer mu.RUnlock()
                println(name + ":", writer ? "writes v2 at" : "reads " + config + " at", Time.format(Time.since(START)));
                Time.sleepMillis(writer ? 50 : 100); // the work, with the lock held all along
                if (writer) config = "v2";
            } finally {
                if (writer) mu.unlock(); else mu.rUnlock();
                wg.done();
            }
        });
    }

    public static void main(String[] args) {
        start("reader-1", false);
        start("reader-2", false);
        Time.sleepMillis(10);
        start("writer", true); // arrives at 10ms, while both readers hold the lock
        Time.sleepMillis(10);
        start("reader-3", false); // arrives at 20ms, while the writer waits for them
        wg.await();
        println("main: done at", Time.format(Time.since(START)));
    }
}
