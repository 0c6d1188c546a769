package loomlab.engine;

/** The waiter of one case of a blocked select: all of a select's waiters share one {@link SelectWait}. */
final class SelectWaiter extends Waiter {
    final SelectWait sel;
    /** Index of the select case this waiter stands for. */
    final int caseIndex;

    SelectWaiter(Goroutine g, Chan<?> chan, Object elem, SelectWait sel, int caseIndex) {
        super(g, chan, elem);
        this.sel = sel;
        this.caseIndex = caseIndex;
    }
}
