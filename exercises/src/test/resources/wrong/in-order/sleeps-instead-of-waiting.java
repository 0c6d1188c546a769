import static loomlab.engine.Go.go;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import loomlab.engine.Time;
import loomlab.exercises.api.InOrder;

/** Wrong: each result at its index, but it sleeps a guess instead of waiting for the calls. */
public class ParallelMap implements InOrder {
    @Override
    public List<String> mapAll(List<Integer> inputs, IntFunction<String> work) {
        String[] results = new String[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            go(() -> results[index] = work.apply(inputs.get(index)));
        }
        Time.sleep(Duration.ofMillis(100)); // surely the work is done by then
        return Arrays.asList(results);
    }
}
