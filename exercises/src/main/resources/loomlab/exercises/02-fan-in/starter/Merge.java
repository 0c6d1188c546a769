import static loomlab.engine.Go.go;

import java.util.List;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.FanIn;

/** Merges many channels into one. */
public class Merge implements FanIn {
    @Override
    public <T> RecvChan<T> merge(List<RecvChan<T>> inputs) {
        Chan<T> out = Chan.make("out", 0);
        // This reads the inputs one after another, and never closes `out`.
        // TODO: read every input at the same time; close `out` once, when all are drained.
        go(() -> {
            for (RecvChan<T> in : inputs) {
                for (T v : in) {
                    out.send(v);
                }
            }
        });
        return out;
    }
}
