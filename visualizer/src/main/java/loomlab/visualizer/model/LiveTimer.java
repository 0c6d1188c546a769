package loomlab.visualizer.model;

/** A timer as {@link VisualFold} changes it in place. */
final class LiveTimer extends Live<VisualState.Timer> {
    long when;
    long period;
    boolean active;
    long fired;

    LiveTimer(long id) {
        super(id);
    }

    /** A ticker is due again one period later; a one-shot timer is spent. */
    void fire() {
        fired++;
        if (period > 0) {
            when += period;
        } else {
            active = false;
        }
    }

    @Override
    VisualState.Timer build() {
        return new VisualState.Timer(id, when, period, active, fired);
    }
}
