import static loomlab.engine.Go.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.CancelContext;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;

/** A request with a 250ms deadline, and two workers with contexts of their own derived from it. */
public class Deadlines {
    public static void main(String[] args) {
        Instant start = Time.now();
        CancelContext request = Context.withTimeout("request", Context.background(), Duration.ofMillis(250));
        CancelContext a = Context.withCancel("a", request);
        CancelContext b = Context.withTimeout("b", request, Duration.ofSeconds(1)); // asks for more time
        WaitGroup wg = new WaitGroup();
        for (CancelContext ctx : new CancelContext[] {a, b}) {
            String name = ctx == a ? "a" : "b";
            wg.add(1);
            go("worker-" + name, () -> {
                ctx.done().recv(); // stands for work that watches its context
                println("worker", name, "stopped at", Time.format(Time.since(start)) + ":", ctx.err());
                wg.done();
            });
        }
        wg.await();
        a.cancel(); // Go: defer cancel(), for every context made here
        b.cancel();
        request.cancel();
    }
}
