import static loomlab.engine.Go.go;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import loomlab.engine.Chan;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.InOrder;

/** Wrong: in order and on time, but the collector ranges over a channel nobody closes. */
public class ParallelMap implements InOrder {
    private record Result(int index, String value) {
    }

    @Override
    public List<String> mapAll(List<Integer> inputs, IntFunction<String> work) {
        String[] results = new String[inputs.size()];
        Chan<Result> done = Chan.make("done", 0);
        WaitGroup collected = new WaitGroup();
        collected.add(inputs.size());
        go("collector", () -> {
            for (Result r : done) {
                results[r.index()] = r.value();
                collected.done();
            }
        });
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            go(() -> done.send(new Result(index, work.apply(inputs.get(index)))));
        }
        collected.await();
        return Arrays.asList(results);
    }
}
