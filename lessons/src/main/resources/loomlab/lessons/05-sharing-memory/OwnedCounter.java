import static loomlab.engine.Go.*;

import loomlab.engine.Chan;
import loomlab.engine.Go;
import loomlab.engine.WaitGroup;

/** The counter belongs to one goroutine; the others send it their visits over a channel. */
public class OwnedCounter {
    public static void main(String[] args) {
        Chan<String> visitors = Chan.make("visitors");
        Chan<Integer> total = Chan.make("total");
        go("owner", () -> {
            int visits = 0; // a local of the owner: no other goroutine can reach it
            for (String who : visitors) {
                visits++;
                println("owner: a visit from", who + ", visits =", visits);
            }
            total.send(visits); // the channel is closed: hand over the total
        });
        WaitGroup wg = new WaitGroup();
        for (String name : new String[] {"counter-a", "counter-b"}) {
            wg.add(1);
            go(name, () -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        visitors.send(name);
                        Go.yield(); // switch as often as you like: there is nothing to lose
                    }
                } finally {
                    wg.done();
                }
            });
        }
        wg.await();
        visitors.close(); // both counters are done: no more visits
        println("main: visits =", total.recv(), "(expected 6)");
    }
}
