import static loomlab.engine.Go.go;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.InOrder;

/** Wrong: the goroutines read their index from one variable the loop keeps changing. */
public class ParallelMap implements InOrder {
    @Override
    public List<String> mapAll(List<Integer> inputs, IntFunction<String> work) {
        String[] results = new String[inputs.size()];
        int[] current = {0}; // gets round "effectively final", and shares one index among all goroutines
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < inputs.size(); i++) {
            current[0] = i;
            wg.add(1);
            go(() -> {
                int index = current[0];
                results[index] = work.apply(inputs.get(index));
                wg.done();
            });
        }
        wg.await();
        return Arrays.asList(results);
    }
}
