package loomlab.exercises.api;

import java.util.List;
import loomlab.engine.RecvChan;

/** Exercise {@code fan-in}: many channels merged into one. */
public interface FanIn {
    /**
     * Returns a channel that receives every value of every input, in each input's own order, and
     * is closed once every input has been closed and drained. Returns at once.
     */
    <T> RecvChan<T> merge(List<RecvChan<T>> inputs);
}
