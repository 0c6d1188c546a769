import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.CancelContext;
import loomlab.engine.Chan;
import loomlab.engine.Context;
import loomlab.engine.Time;

/** A worker does units of work until its context is canceled; main cancels it at 250ms. */
public class CancelWorker {
    static final Instant START = Time.now();

    /** One 100ms unit of work, abandoned if ctx is canceled first; false if it was. */
    static boolean workUnit(Context ctx) {
        boolean[] finished = {false};
        select(recv(ctx.done()), recv(Time.after(Duration.ofMillis(100)), () -> finished[0] = true));
        return finished[0];
    }

    public static void main(String[] args) {
        CancelContext job = Context.withCancel("job", Context.background());
        Chan<Void> stopped = Chan.make("stopped");
        go("worker", () -> {
            for (int unit = 1; workUnit(job); unit++) {
                println("worker: unit", unit, "done at", Time.format(Time.since(START)));
            }
            println("worker: stopping:", job.err());
            stopped.close();
        });
        Time.sleep(Duration.ofMillis(250));
        println("main: cancel at", Time.format(Time.since(START)));
        job.cancel();
        stopped.recv(); // wait until the worker has really stopped
    }
}
