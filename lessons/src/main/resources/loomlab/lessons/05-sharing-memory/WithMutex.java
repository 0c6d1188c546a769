import static loomlab.engine.Go.*;

import loomlab.engine.Go;
import loomlab.engine.Mutex;
import loomlab.engine.WaitGroup;

/** The same counter, with a Mutex around read-and-write: one goroutine at a time, nothing lost. */
public class WithMutex {
    static final Mutex mu = new Mutex(); // guards visits
    static int visits = 0;

    static void visit(String name) {
        mu.lock();
        try { // Go: defer mu.Unlock()
            int v = visits;
            Go.yield(); // the other goroutine may run here, but it cannot get in
            visits = v + 1;
            println(name + ": read " + v + ", wrote " + (v + 1));
        } finally {
            mu.unlock();
        }
    }

    public static void main(String[] args) {
        WaitGroup wg = new WaitGroup();
        for (String name : new String[] {"counter-a", "counter-b"}) {
            wg.add(1);
            go(name, () -> {
                try {
                    for (int i = 0; i < 3; i++) visit(name);
                } finally {
                    wg.done();
                }
            });
        }
        wg.await();
        println("main: visits =", visits, "(expected 6)");
    }
}
