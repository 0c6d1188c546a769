import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.CancelContext;
import loomlab.engine.Chan;
import loomlab.engine.Context;
import loomlab.engine.Time;

/** A 300ms fetch under a 100ms timeout: main stops waiting, and the fetcher stops working. */
public class Timeout {
    public static void main(String[] args) {
        Instant start = Time.now();
        CancelContext ctx = Context.withTimeout("fetch", Context.background(), Duration.ofMillis(100));
        try { // Go: defer cancel()
            Chan<String> result = Chan.make("result", 1); // room for a late answer: the fetcher never blocks
            Chan<Void> fetcherDone = Chan.make("fetcher-done");
            go("fetcher", () -> {
                select(recv(Time.after(Duration.ofMillis(300)), () -> result.send("page")),
                        recv(ctx.done(), () -> println("fetcher: abandoned at", Time.format(Time.since(start)))));
                fetcherDone.close();
            });
            select(recv(result, page -> println("main: got", page)),
                    recv(ctx.done(), () -> println("main: gave up at", Time.format(Time.since(start)) + ":", ctx.err())));
            fetcherDone.recv(); // the fetcher has stopped too: nothing is left running
        } finally {
            ctx.cancel();
        }
    }
}
