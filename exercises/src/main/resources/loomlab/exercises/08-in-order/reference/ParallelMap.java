import static loomlab.engine.Go.go;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.InOrder;

/** Works on every input at the same time, and returns the results in the order of the inputs. */
public class ParallelMap implements InOrder {
    @Override
    public List<String> mapAll(List<Integer> inputs, IntFunction<String> work) {
        String[] results = new String[inputs.size()];
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i; // a variable of this iteration: each goroutine keeps its own index
            wg.add(1);
            go("work-" + index, () -> {
                try {
                    results[index] = work.apply(inputs.get(index)); // its own slot: the order of arrival does not matter
                } finally {
                    wg.done();
                }
            });
        }
        wg.await(); // every call has returned and written its slot
        return Arrays.asList(results);
    }
}
