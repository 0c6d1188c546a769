import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Chan;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;

/** Wrong: a goroutine sleeps out each wait and then reports on an unbuffered channel; after a cancel nobody listens. */
public class Retrier implements RetryWithBackoff {
    @Override
    public String retry(Context ctx, int attempts, Supplier<String> attempt) {
        String err = attempt.get();
        Duration wait = BASE;
        for (int n = 1; err != null && n < attempts; n++) {
            Chan<Void> over = Chan.make();
            Duration d = wait;
            go(() -> {
                Time.sleep(d);
                over.send(null);
            });
            boolean[] canceled = {false};
            select(recv(over), recv(ctx.done(), () -> canceled[0] = true));
            if (canceled[0]) {
                return ctx.err().getMessage();
            }
            wait = wait.multipliedBy(2).compareTo(CAP) < 0 ? wait.multipliedBy(2) : CAP;
            err = attempt.get();
        }
        return err;
    }
}
