import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;

/**
 * Wrong: caps the wait, but BASE's nanoseconds shifted by n − 1 overflow into a negative number after 37
 * doublings, as a shifted time.Duration does in Go.
 */
public class Retrier implements RetryWithBackoff {
    @Override
    public String retry(Context ctx, int attempts, Supplier<String> attempt) {
        String err = attempt.get();
        for (int n = 1; err != null && n < attempts; n++) {
            Duration wait = Duration.ofNanos(Math.min(BASE.toNanos() << (n - 1), CAP.toNanos()));
            boolean[] canceled = {false};
            select(recv(Time.after(wait)), recv(ctx.done(), () -> canceled[0] = true));
            if (canceled[0]) {
                return ctx.err().getMessage();
            }
            err = attempt.get();
        }
        return err;
    }
}
