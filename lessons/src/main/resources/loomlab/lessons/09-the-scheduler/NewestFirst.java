import static loomlab.engine.Go.*;

import loomlab.engine.WaitGroup;

/** With one P, the goroutine started last runs first: it waits in runnext, the others in the queue. */
public class NewestFirst {
    public static void main(String[] args) {
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 3; i++) {
            String name = "worker-" + i;
            wg.add(1);
            go(name, () -> {
                println(name, "runs");
                wg.done();
            });
        }
        wg.await(); // main blocks: only now does P0 pick the next goroutine
    }
}
