package loomlab.exercises.api;

import java.util.function.IntUnaryOperator;
import loomlab.engine.RecvChan;

/** Exercise {@code worker-pool}: a fixed number of workers share the jobs of one channel. */
public interface WorkerPool {
    /**
     * Starts {@code workers} goroutines that take jobs from {@code jobs} until it is closed and
     * drained, call {@code work} on each, and send each result to the returned channel; that
     * channel is closed once the last result has been sent. Returns at once.
     */
    RecvChan<Integer> process(RecvChan<Integer> jobs, int workers, IntUnaryOperator work);
}
