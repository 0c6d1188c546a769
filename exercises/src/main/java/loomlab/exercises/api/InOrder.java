package loomlab.exercises.api;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Exercise {@code in-order}: work on every input at the same time, and give the results back in
 * the order of the inputs, whatever order the scheduler finishes them in.
 */
public interface InOrder {
    /**
     * Calls {@code work} once for each input and returns the results in the order of the inputs.
     * <ul>
     * <li>Each call of {@code work} runs in a goroutine of its own, and every call is started
     *     before any is waited for: the calls run at the same time.</li>
     * <li>Result {@code i} of the returned list is {@code work.apply(inputs.get(i))}, whatever
     *     order the calls finish in; the list has as many results as there are inputs.</li>
     * <li>Returns only when every call has returned, and as soon as the last one has.</li>
     * <li>An empty {@code inputs} gives an empty list, at once.</li>
     * <li>No goroutine it started is still running when it returns.</li>
     * </ul>
     */
    List<String> mapAll(List<Integer> inputs, IntFunction<String> work);
}
