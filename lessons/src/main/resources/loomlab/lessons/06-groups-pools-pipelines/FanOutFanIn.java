import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.Time;

/** A source, fanned out to two squarers, fanned back in by one merger that closes its output once. */
public class FanOutFanIn {
    static RecvChan<String> a, b; // the merger's inputs: fields, so that its case bodies can set them to nil

    static RecvChan<String> squarer(String name, RecvChan<Integer> in) {
        Chan<String> out = Chan.make(name + "-out");
        go(name, () -> {
            for (int n : in) {
                Time.sleepMillis(n % 4 == 1 ? 50 : 10); // 1 and 5 take longer than the others
                out.send(n + "*" + n + " = " + n * n + " by " + name);
            }
            out.close(); // its only sender closes it
        });
        return out;
    }

    public static void main(String[] args) {
        Chan<Integer> nums = Chan.make("nums");
        go("source", () -> { for (int n = 1; n <= 6; n++) nums.send(n); nums.close(); }); // the first stage
        a = squarer("squarer-a", nums); // fan-out: two squarers take from the same channel
        b = squarer("squarer-b", nums);
        Chan<String> merged = Chan.make("merged");
        go("merger", () -> { // fan-in: one goroutine, the only sender on merged
            while (a != Chan.<String>nil() || b != Chan.<String>nil()) {
                select(recvOk(a, (v, ok) -> { if (ok) merged.send(v); else a = Chan.nil(); }),
                        recvOk(b, (v, ok) -> { if (ok) merged.send(v); else b = Chan.nil(); }));
            }
            merged.close(); // both inputs are closed and drained: close the output, once
        });
        for (String s : merged) println("main:", s);
        println("main: merged is closed");
    }
}
