package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.List;

/** A lock as {@link VisualFold} changes it in place. */
final class LiveLock extends Live<VisualState.Lock> {
    final List<VisualState.LockUse> holders = new ArrayList<>();
    final List<VisualState.LockUse> waiters = new ArrayList<>();

    LiveLock(long id) {
        super(id);
    }

    @Override
    VisualState.Lock build() {
        return new VisualState.Lock(id, List.copyOf(holders), List.copyOf(waiters));
    }
}
