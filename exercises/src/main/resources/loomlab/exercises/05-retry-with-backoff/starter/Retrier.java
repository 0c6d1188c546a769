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
        // This waits the same BASE after every failure, and does not notice when ctx is done.
        // TODO: after the n-th failure wait BASE × 2^(n−1), at most CAP;
        //       stop waiting, and return ctx.err().getMessage(), as soon as ctx is done.
        String err = null;
        for (int n = 1; n <= attempts; n++) {
            err = attempt.get();
            if (err == null) {
                return null;
            }
            if (n < attempts) {
                Time.sleep(BASE);
            }
        }
        return err;
    }
}
