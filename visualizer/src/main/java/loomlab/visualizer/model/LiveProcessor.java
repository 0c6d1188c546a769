package loomlab.visualizer.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/** A P as {@link VisualFold} changes it in place: its M, what it runs, {@code runnext} and local queue. */
final class LiveProcessor extends Live<VisualState.Processor> {
    int m = -1;
    long running;
    long runnext;
    final SequencedSet<Long> runq = new LinkedHashSet<>();

    LiveProcessor(int id) {
        super(id);
    }

    /** Go's {@code runqput}: a new {@code runnext} kicks the old one to the tail. */
    void push(long g, boolean next) {
        if (!next) {
            runq.add(g);
            return;
        }
        if (runnext != 0 && runnext != g) {
            runq.add(runnext);
        }
        runq.remove(g);
        runnext = g;
    }

    /** Takes {@code g} out of {@code runnext} or the local queue; whether it was there. */
    boolean remove(long g) {
        if (runnext == g) {
            runnext = 0;
            return true;
        }
        return !runq.isEmpty() && runq.remove(g);
    }

    @Override
    VisualState.Processor build() {
        return new VisualState.Processor((int) id, m, running, runnext, List.copyOf(runq));
    }
}
