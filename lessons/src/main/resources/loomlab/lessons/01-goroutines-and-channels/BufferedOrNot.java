import static loomlab.engine.Go.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** The same producer twice: on an unbuffered channel, then on one with room for 3 values. */
public class BufferedOrNot {
    public static void main(String[] args) {
        demo("unbuffered", Chan.make("unbuffered", 0));
        demo("buffered", Chan.make("buffered", 3));
    }

    /** A producer sends 1, 2, 3 at once; main takes one value a second. */
    static void demo(String name, Chan<Integer> ch) {
        Instant start = Time.now();
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        go("producer-" + name, () -> {
            for (int v = 1; v <= 3; v++) {
                ch.send(v);
                println(name + ": sent", v, "at", Time.format(Time.since(start)));
            }
            wg.done();
        });
        for (int i = 0; i < 3; i++) {
            Time.sleep(Duration.ofSeconds(1));
            ch.recv();
        }
        wg.await();
    }
}
