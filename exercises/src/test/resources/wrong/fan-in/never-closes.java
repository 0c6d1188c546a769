import static loomlab.engine.Go.go;

import java.util.List;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.exercises.api.FanIn;

/** Wrong: forwards everything but never closes the output. */
public class Merge implements FanIn {
    @Override
    public <T> RecvChan<T> merge(List<RecvChan<T>> inputs) {
        Chan<T> out = Chan.make();
        for (RecvChan<T> in : inputs) {
            go(() -> {
                for (T v : in) {
                    out.send(v);
                }
            });
        }
        return out;
    }
}
