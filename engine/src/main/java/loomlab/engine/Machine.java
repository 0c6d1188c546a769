package loomlab.engine;

/**
 * An M of Go's G-M-P model: a platform carrier thread that, holding a P, runs goroutines one after
 * another ({@link GmpScheduler#loop}).
 *
 * <p>{@code p} is written under the P's monitor by this M, by the scheduler when it hands a P
 * over, and by sysmon when it retakes one; {@code state} is the idle protocol of
 * {@link GmpScheduler}.
 */
final class Machine {
    static final int RUNNING = 0;
    static final int IDLE = 2;

    final int id;
    final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(RUNNING);
    volatile Processor p;
    Thread thread;
    /** The goroutine this M runs now, or null; written only by this M. */
    volatile Goroutine current;
    /**
     * The time shared by the events of the channel operation that the goroutine on this M is in
     * ({@link Goroutine#beginOp}): 0 outside one, -1 until its first event reads the clock. Used
     * only by that goroutine and by this M between two goroutines (the same OS thread in turn).
     */
    long opNanos;
    /** What this M has seen of the other Ps when looking for work to steal; only this M uses it. */
    StealWatch stealWatch;

    Machine(int id) {
        this.id = id;
    }
}
