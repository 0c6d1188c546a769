import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.Time;

/** Merge two streams until both are closed; a closed stream's case is switched off with nil. */
public class MergeWithNil {
    static RecvChan<String> fast, slow; // fields, so that the cases' bodies can set them

    static RecvChan<String> produce(String name, int count, int everyMillis) {
        Chan<String> out = Chan.make(name);
        go(name + "-producer", () -> {
            for (int i = 1; i <= count; i++) {
                Time.sleepMillis(everyMillis);
                out.send(name + "-" + i);
            }
            out.close();
        });
        return out;
    }

    public static void main(String[] args) {
        Instant start = Time.now();
        fast = produce("fast", 3, 10);
        slow = produce("slow", 2, 25);
        while (fast != Chan.<String>nil() || slow != Chan.<String>nil()) { // Go: fast != nil || slow != nil
            select(recvOk(fast, (v, ok) -> {
                if (!ok) fast = Chan.nil(); // closed: switch this case off
                println("main:", ok ? "got " + v : "fast is closed", "at", Time.format(Time.since(start)));
            }), recvOk(slow, (v, ok) -> {
                if (!ok) slow = Chan.nil();
                println("main:", ok ? "got " + v : "slow is closed", "at", Time.format(Time.since(start)));
            }));
        }
        println("main: both closed, done at", Time.format(Time.since(start)));
    }
}
