import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;

/** Wrong: backs off correctly, but with Time.sleep, which a canceled context cannot cut short. */
public class Retrier implements RetryWithBackoff {
    @Override
    public String retry(Context ctx, int attempts, Supplier<String> attempt) {
        String err = attempt.get();
        Duration wait = BASE;
        for (int n = 1; err != null && n < attempts; n++) {
            Time.sleep(wait);
            if (ctx.err() != null) {
                return ctx.err().getMessage();
            }
            wait = wait.multipliedBy(2).compareTo(CAP) < 0 ? wait.multipliedBy(2) : CAP;
            err = attempt.get();
        }
        return err;
    }
}
