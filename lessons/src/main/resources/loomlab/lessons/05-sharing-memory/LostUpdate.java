import static loomlab.engine.Go.*;

import loomlab.engine.Go;
import loomlab.engine.WaitGroup;

/** Two goroutines add 1 to a shared counter three times each, with no lock: updates get lost. */
public class LostUpdate {
    static int visits = 0; // shared by both goroutines, guarded by nothing

    public static void main(String[] args) {
        WaitGroup wg = new WaitGroup();
        for (String name : new String[] {"counter-a", "counter-b"}) {
            wg.add(1);
            go(name, () -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        int v = visits; // read
                        Go.yield(); // another goroutine may run here
                        visits = v + 1; // write: over whatever was written meanwhile
                        println(name + ": read " + v + ", wrote " + (v + 1));
                    }
                } finally {
                    wg.done();
                }
            });
        }
        wg.await();
        println("main: visits =", visits, "(expected 6)");
    }
}
