import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.exercises.api.TimeoutCall;

/** Wrong: sleeps the whole timeout, then looks whether an answer came. */
public class Deadline implements TimeoutCall {
    @Override
    public String callWithTimeout(Supplier<String> call, Duration timeout, String fallback) {
        Chan<String> answer = Chan.make(1);
        go(() -> answer.send(call.get()));
        Time.sleep(timeout);
        String[] result = {fallback};
        select(recv(answer, a -> result[0] = a), orElse(() -> { }));
        return result[0];
    }
}
