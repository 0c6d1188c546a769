import static loomlab.engine.Go.go;

import java.util.function.IntUnaryOperator;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.WorkerPool;

/** A pool of workers that take jobs from one channel; at most {@code workers} jobs at once. */
public class BoundedPool implements WorkerPool {
    @Override
    public RecvChan<Integer> process(RecvChan<Integer> jobs, int workers, IntUnaryOperator work) {
        Chan<Integer> results = Chan.make("results", 0);
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < workers; i++) {
            wg.add(1);
            go("worker-" + i, () -> {
                for (int job : jobs) {
                    results.send(work.applyAsInt(job));
                }
                wg.done();
            });
        }
        go("closer", () -> {
            wg.await();
            results.close();
        });
        return results;
    }
}
