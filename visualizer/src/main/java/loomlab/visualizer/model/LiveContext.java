package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.List;

/** A context as {@link VisualFold} changes it in place. */
final class LiveContext extends Live<VisualState.Context> {
    long parent;
    String kind;
    String label;
    long done;
    long deadline = -1;
    boolean cancelled;
    String err;
    String cause;
    final List<Long> children = new ArrayList<>();

    LiveContext(long id) {
        super(id);
    }

    @Override
    VisualState.Context build() {
        return new VisualState.Context(id, parent, kind, label, done, deadline, cancelled, err, cause,
                List.copyOf(children));
    }
}
