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
        WaitGroup wg = new WaitGroup();
        for (RecvChan<T> in : inputs) {
            wg.add(1);
            go("forward", () -> {
                for (T v : in) {
                    out.send(v);
                }
                wg.done();
            });
        }
        go("closer", () -> {
            wg.await();
            out.close();
        });
        return out;
    }
}
