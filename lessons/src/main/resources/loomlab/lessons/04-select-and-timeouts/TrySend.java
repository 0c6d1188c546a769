import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import loomlab.engine.Chan;

/** A select with orElse (Go's default) never waits: a full buffer drops, an empty one says so. */
public class TrySend {
    public static void main(String[] args) {
        Chan<Integer> events = Chan.make("events", 2);
        for (int i = 1; i <= 4; i++) {
            int ev = i;
            select(send(events, ev, () -> println("main: queued event", ev)),
                    orElse(() -> println("main: dropped event", ev, "(buffer full)")));
        }
        boolean[] empty = {false};
        while (!empty[0]) { // a try-receive: take what is there, and stop when nothing is
            select(recv(events, ev -> println("main: handled event", ev)),
                    orElse(() -> empty[0] = true));
        }
        println("main: nothing left, moving on");
    }
}
