import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;

/** Wrong: remembers the last error seen, and returns it even when a later attempt succeeded. */
public class Retrier implements RetryWithBackoff {
    @Override
    public String retry(Context ctx, int attempts, Supplier<String> attempt) {
        String lastError = null;
        Duration wait = BASE;
        for (int n = 1; n <= attempts; n++) {
            String err = attempt.get();
            if (err == null) {
                break;
            }
            lastError = err;
            if (n == attempts) {
                break;
            }
            boolean[] canceled = {false};
            select(recv(Time.after(wait)), recv(ctx.done(), () -> canceled[0] = true));
            if (canceled[0]) {
                return ctx.err().getMessage();
            }
            wait = wait.multipliedBy(2).compareTo(CAP) < 0 ? wait.multipliedBy(2) : CAP;
        }
        return lastError;
    }
}
