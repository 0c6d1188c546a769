import static loomlab.engine.Go.go;

import java.util.function.IntUnaryOperator;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.WorkerPool;

/** Wrong: a goroutine per job, no limit at all. */
public class BoundedPool implements WorkerPool {
    @Override
    public RecvChan<Integer> process(RecvChan<Integer> jobs, int workers, IntUnaryOperator work) {
        Chan<Integer> results = Chan.make();
        go(() -> {
            WaitGroup wg = new WaitGroup();
            for (int job : jobs) {
                wg.go(() -> results.send(work.applyAsInt(job)));
            }
            wg.await();
            results.close();
        });
        return results;
    }
}
