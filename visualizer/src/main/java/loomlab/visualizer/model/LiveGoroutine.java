package loomlab.visualizer.model;

import loomlab.visualizer.model.VisualState.State;

/** A goroutine as {@link VisualFold} changes it in place; {@link #build()} makes its {@link VisualState.Goroutine}. */
final class LiveGoroutine extends Live<VisualState.Goroutine> {
    String name;
    long creator;
    State state = State.RUNNABLE;
    long since;
    String waitReason;
    long waitingOn;
    int p = -1;
    int m = -1;
    VisualState.Select select;
    String panic;

    LiveGoroutine(long id) {
        super(id);
    }

    /** Enters {@code next} at {@code now}; no longer waits for anything. */
    LiveGoroutine become(State next, long now) {
        state = next;
        since = now;
        waitReason = null;
        waitingOn = 0;
        return this;
    }

    LiveGoroutine die(long now) {
        select = null;
        return become(State.DEAD, now);
    }

    @Override
    VisualState.Goroutine build() {
        return new VisualState.Goroutine(id, name, creator, state, since, waitReason, waitingOn, p, m,
                VisualState.Goroutine.colourOf(id), select, panic);
    }
}
