import java.util.function.IntUnaryOperator;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.exercises.api.WorkerPool;

public class BoundedPool implements WorkerPool {
    @Override
    public RecvChan<Integer> process(RecvChan<Integer> jobs, int workers, IntUnaryOperator work) {
        Chan<Integer> results = Chan.make()
        return results;
    }
}
