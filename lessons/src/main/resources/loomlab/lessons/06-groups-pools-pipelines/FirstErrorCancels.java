import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.CancelContext;
import loomlab.engine.Context;
import loomlab.engine.ErrGroup;
import loomlab.engine.Time;

/** Three parts of one download run in an ErrGroup; the first error cancels the group's context. */
public class FirstErrorCancels {
    static final Instant START = Time.now();

    static void fetch(Context group, String name, int millis, boolean bad) throws Exception {
        CancelContext ctx = Context.withCancel(name, group); // named, so that the views can show it
        try { // Go: defer cancel()
            select(recv(Time.after(Duration.ofMillis(millis))), recv(ctx.done())); // the part, or giving up
            String at = Time.format(Time.since(START));
            if (ctx.err() != null) {
                println(name + ": stopped at", at + ":", ctx.err(), "because", Context.cause(ctx).getMessage());
                throw ctx.err();
            }
            if (bad) throw new Exception(name + " failed at " + at + ": checksum mismatch");
            println(name + ": done at", at);
        } finally {
            ctx.cancel();
        }
    }

    public static void main(String[] args) {
        ErrGroup g = ErrGroup.withContext(Context.background()); // Go: g, ctx := errgroup.WithContext(...)
        Context ctx = g.context(); // canceled at the first error, or when await returns
        g.go(() -> fetch(ctx, "part-1", 30, false));
        g.go(() -> fetch(ctx, "part-2", 50, true));
        g.go(() -> fetch(ctx, "part-3", 200, false));
        Exception err = g.await(); // waits for all three, then returns the first error
        println("main: group done at", Time.format(Time.since(START)) + ", first error:", err.getMessage());
    }
}
