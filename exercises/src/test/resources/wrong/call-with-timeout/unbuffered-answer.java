import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.exercises.api.TimeoutCall;

/** Wrong: after a timeout, the caller's goroutine blocks forever sending its late answer. */
public class Deadline implements TimeoutCall {
    @Override
    public String callWithTimeout(Supplier<String> call, Duration timeout, String fallback) {
        Chan<String> answer = Chan.make();
        go(() -> answer.send(call.get()));
        String[] result = new String[1];
        select(
                recv(answer, a -> result[0] = a),
                recv(Time.after(timeout), () -> result[0] = fallback));
        return result[0];
    }
}
