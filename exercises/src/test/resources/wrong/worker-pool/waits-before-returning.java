import static loomlab.engine.Go.go;

import java.util.function.IntUnaryOperator;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.WorkerPool;

/** Wrong: waits for the workers before returning the channel they send to, which nobody can read yet. */
public class BoundedPool implements WorkerPool {
    @Override
    public RecvChan<Integer> process(RecvChan<Integer> jobs, int workers, IntUnaryOperator work) {
        Chan<Integer> results = Chan.make();
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < workers; i++) {
            wg.add(1);
            go(() -> {
                for (int job : jobs) {
                    results.send(work.applyAsInt(job));
                }
                wg.done();
            });
        }
        wg.await();
        results.close();
        return results;
    }
}
