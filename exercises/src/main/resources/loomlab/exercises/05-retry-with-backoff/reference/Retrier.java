import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;

/** Tries again after a failure, waiting twice as long each time, until it succeeds, gives up or is canceled. */
public class Retrier implements RetryWithBackoff {
    @Override
    public String retry(Context ctx, int attempts, Supplier<String> attempt) {
        String err = attempt.get();
        for (int n = 1; err != null && n < attempts; n++) {
            boolean[] canceled = {false};
            select(
                    recv(Time.after(backoff(n)), () -> { }),
                    recv(ctx.done(), () -> canceled[0] = true));
            if (canceled[0]) {
                return ctx.err().getMessage();
            }
            err = attempt.get();
        }
        return err;
    }

    /** The wait after the n-th failure: BASE doubled n − 1 times, at most CAP. */
    private static Duration backoff(int n) {
        Duration wait = BASE;
        for (int i = 1; i < n && wait.compareTo(CAP) < 0; i++) {
            wait = wait.multipliedBy(2); // stops doubling at the cap, so it can never overflow
        }
        return wait.compareTo(CAP) < 0 ? wait : CAP;
    }
}
