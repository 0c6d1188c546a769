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
        // TODO: start `workers` goroutines. Each takes jobs from `jobs` until it is closed,
        //       calls work.applyAsInt(job) and sends the result to `results`.
        // TODO: close `results` once, after every worker has finished.
        return results;
    }
}
