import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;

/** Wrong: the wait doubles without a cap. */
public class Retrier implements RetryWithBackoff {
    @Override
    public String retry(Context ctx, int attempts, Supplier<String> attempt) {
        String err = attempt.get();
        Duration wait = BASE;
        for (int n = 1; err != null && n < attempts; n++) {
            boolean[] canceled = {false};
            select(recv(Time.after(wait)), recv(ctx.done(), () -> canceled[0] = true));
            if (canceled[0]) {
                return ctx.err().getMessage();
            }
            wait = wait.multipliedBy(2);
            err = attempt.get();
        }
        return err;
    }
}
