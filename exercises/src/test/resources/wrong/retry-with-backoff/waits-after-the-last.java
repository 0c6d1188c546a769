import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;

/** Wrong: waits after every failure, the last one too, before it returns the error. */
public class Retrier implements RetryWithBackoff {
    @Override
    public String retry(Context ctx, int attempts, Supplier<String> attempt) {
        String err = null;
        Duration wait = BASE;
        for (int n = 1; n <= attempts; n++) {
            err = attempt.get();
            if (err == null) {
                return null;
            }
            boolean[] canceled = {false};
            select(recv(Time.after(wait)), recv(ctx.done(), () -> canceled[0] = true));
            if (canceled[0]) {
                return ctx.err().getMessage();
            }
            wait = wait.multipliedBy(2).compareTo(CAP) < 0 ? wait.multipliedBy(2) : CAP;
        }
        return err;
    }
}
