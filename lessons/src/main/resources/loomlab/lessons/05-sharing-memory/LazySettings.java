import static loomlab.engine.Go.*;

import java.time.Instant;
import loomlab.engine.Once;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** Three handlers need the settings at the same time; a Once loads them once, and the others wait. */
public class LazySettings {
    static final Instant START = Time.now();
    static final Once once = new Once();
    static String settings; // written once, inside once.run

    static String loadSettings(String caller) {
        once.run(() -> {
            println(caller + ": loading settings at", Time.format(Time.since(START)));
            Time.sleepMillis(100); // stands for reading a file
            settings = "timeout=2s";
        });
        return settings;
    }

    public static void main(String[] args) {
        WaitGroup wg = new WaitGroup();
        for (int i = 1; i <= 3; i++) {
            String name = "handler-" + i;
            wg.add(1);
            go(name, () -> {
                try {
                    String s = loadSettings(name);
                    println(name + ": got", s, "at", Time.format(Time.since(START)));
                } finally {
                    wg.done();
                }
            });
        }
        wg.await();
    }
}
