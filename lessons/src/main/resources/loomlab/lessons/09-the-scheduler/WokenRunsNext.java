import static loomlab.engine.Go.*;

import loomlab.engine.Chan;
import loomlab.engine.WaitGroup;

/** A goroutine woken by a channel operation runs next: the pair keeps the P while the others wait. */
public class WokenRunsNext {
    public static void main(String[] args) {
        WaitGroup wg = new WaitGroup();
        for (String name : new String[] {"a", "b"}) {
            wg.add(1);
            go(name, () -> {
                println(name + ": my turn at last");
                wg.done();
            });
        }
        Chan<Integer> ping = Chan.make("ping"), pong = Chan.make("pong");
        go("echo", () -> {
            for (int n : ping) {
                println("echo: got", n);
                pong.send(n);
            }
        });
        for (int i = 1; i <= 3; i++) {
            ping.send(i);
            println("main: reply", pong.recv());
        }
        ping.close();
        wg.await();
    }
}
