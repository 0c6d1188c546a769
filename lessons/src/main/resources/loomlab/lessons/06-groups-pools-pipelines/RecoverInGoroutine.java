import static loomlab.engine.Go.*;

import loomlab.engine.Chan;
import loomlab.engine.Panic;
import loomlab.engine.Time;

/** A panic can be recovered only in the goroutine that panics; if nobody does, the program ends. */
public class RecoverInGoroutine {
    static int parse(String record) {
        if (record.isEmpty()) throw panic("empty record");
        return record.length();
    }

    /** Calls job, and turns a panic in it into an error (Go: a deferred func that calls recover()). */
    static String guard(Runnable job) {
        try {
            job.run();
            return "ok";
        } catch (Panic p) {
            return "recovered: " + p.value();
        }
    }

    public static void main(String[] args) {
        try { // Go: defer func() { if r := recover(); r != nil { ... } }() at the top of main
            Chan<String> results = Chan.make("results");
            String[] records = {"alpha", "", "gamma"};
            for (int i = 0; i < records.length; i++) {
                String name = "parser-" + (i + 1), record = records[i];
                go(name, () -> results.send(name + ": " + guard(() -> parse(record))));
            }
            for (int i = 0; i < records.length; i++) println("main:", results.recv());
            go("unguarded", () -> parse("")); // nobody recovers here
            Time.sleepMillis(10);
            println("main: done");
        } catch (Panic p) {
            println("main: caught", p.value()); // never runs: a panic is caught only in its own goroutine
        }
    }
}
