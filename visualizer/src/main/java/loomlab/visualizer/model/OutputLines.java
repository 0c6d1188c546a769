package loomlab.visualizer.model;

import java.util.AbstractList;
import java.util.RandomAccess;

import loomlab.engine.events.Event;

/**
 * The first {@link #size()} lines of a run's output: an immutable view of a prefix of the shared
 * {@link OutputLog}, which only ever grows, so the prefix never changes. Equal to any list that
 * holds the same lines.
 */
public final class OutputLines extends AbstractList<Event.Output> implements RandomAccess {
    private final OutputLog log;
    private final int count;

    OutputLines(OutputLog log, int count) {
        this.log = log;
        this.count = count;
    }

    @Override
    public Event.Output get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("line " + index + " of " + count);
        }
        return log.get(index);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof OutputLines other && other.log == log) {
            return other.count == count;
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
