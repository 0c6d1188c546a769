package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.List;

import loomlab.engine.events.Event;

/**
 * Every line a run printed, in order: one append-only log shared by a {@link RunModel}'s live
 * fold, its snapshots and every state it hands out. A state holds only a count into it (an
 * {@link OutputLines}), so a snapshot costs nothing per line printed.
 *
 * <p>Invariant: line <i>i</i> is the <i>i</i>-th {@code Output} event of the run; lines are never
 * changed or removed. Confined to the model's thread, as {@link RunModel} is.
 */
final class OutputLog {
    private final List<Event.Output> lines = new ArrayList<>();

    int size() {
        return lines.size();
    }

    Event.Output get(int i) {
        return lines.get(i);
    }

    /**
     * The fold that has seen {@code count} lines folds in {@code line}: a fold that replays a part
     * of the run the log already holds just moves on; one at the end of the log appends.
     */
    void folded(int count, Event.Output line) {
        if (count == lines.size()) {
            lines.add(line);
        } else if (!lines.get(count).equals(line)) {
            throw new IllegalStateException("output line " + count + " replayed as " + line
                    + " but the log holds " + lines.get(count));
        }
    }
}
