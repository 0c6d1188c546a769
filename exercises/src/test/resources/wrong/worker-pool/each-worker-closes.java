import static loomlab.engine.Go.go;

import java.util.function.IntUnaryOperator;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.exercises.api.WorkerPool;

/** Wrong: every worker closes the results channel when it runs out of jobs. */
public class BoundedPool implements WorkerPool {
    @Override
    public RecvChan<Integer> process(RecvChan<Integer> jobs, int workers, IntUnaryOperator work) {
        Chan<Integer> results = Chan.make();
        for (int i = 0; i < workers; i++) {
            go(() -> {
                for (int job : jobs) {
                    results.send(work.applyAsInt(job));
                }
                results.close();
            });
        }
        return results;
    }
}
