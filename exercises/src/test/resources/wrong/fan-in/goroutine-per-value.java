import static loomlab.engine.Go.go;

import java.util.List;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.FanIn;

/** Wrong: a goroutine per value, so the values of one input can overtake each other. */
public class Merge implements FanIn {
    @Override
    public <T> RecvChan<T> merge(List<RecvChan<T>> inputs) {
        Chan<T> out = Chan.make();
        WaitGroup wg = new WaitGroup();
        for (RecvChan<T> in : inputs) {
            wg.add(1);
            go(() -> {
                for (T v : in) {
                    wg.add(1);
                    go(() -> {
                        out.send(v);
                        wg.done();
                    });
                }
                wg.done();
            });
        }
        go(() -> {
            wg.await();
            out.close();
        });
        return out;
    }
}
