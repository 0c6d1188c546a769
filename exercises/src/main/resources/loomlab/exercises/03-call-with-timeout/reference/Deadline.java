import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.exercises.api.TimeoutCall;

/** Waits for an answer, but not longer than a timeout. */
public class Deadline implements TimeoutCall {
    @Override
    public String callWithTimeout(Supplier<String> call, Duration timeout, String fallback) {
        Chan<String> answer = Chan.make("answer", 1); // room for a late answer, so its sender never blocks
        go("call", () -> answer.send(call.get()));
        String[] result = new String[1];
        select(
                recv(answer, a -> result[0] = a),
                recv(Time.after(timeout), () -> result[0] = fallback));
        return result[0];
    }
}
