package loomlab.visualizer.model;

/** An M as {@link VisualFold} changes it in place. */
final class LiveMachine extends Live<VisualState.Machine> {
    int p = -1;
    long running;
    boolean parked;

    LiveMachine(int id) {
        super(id);
    }

    @Override
    VisualState.Machine build() {
        return new VisualState.Machine((int) id, p, running, parked);
    }
}
