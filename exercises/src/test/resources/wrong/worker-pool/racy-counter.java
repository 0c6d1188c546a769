import static loomlab.engine.Go.go;

import java.util.function.IntUnaryOperator;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.exercises.api.WorkerPool;

/** Wrong: the last worker out closes, judged by a plain int that workers update without a lock. */
public class BoundedPool implements WorkerPool {
    private int running;

    @Override
    public RecvChan<Integer> process(RecvChan<Integer> jobs, int workers, IntUnaryOperator work) {
        Chan<Integer> results = Chan.make();
        running = workers;
        for (int i = 0; i < workers; i++) {
            go(() -> {
                for (int job : jobs) {
                    results.send(work.applyAsInt(job));
                }
                int left = running;
                loomlab.engine.Go.yield(); // between the read and the write another worker may run
                running = left - 1;
                if (running == 0) {
                    results.close();
                }
            });
        }
        return results;
    }
}
