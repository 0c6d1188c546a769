package loomlab.engine;

/**
 * What one M has seen of the other Ps on its last looks for work, so that it steals work that
 * waits and leaves alone work that flows (GMP-06; ADR 0013).
 *
 * <p>Go steals half of a P's queue at the first look, and waits (its {@code usleep(3)}) only
 * before taking {@code runnext}. That suits goroutines that cost about 50 ns to switch. A
 * goroutine here is a virtual thread: moving one to another carrier costs its frames' cache lines
 * and every line it shares with its partners, so two goroutines that hand values back and forth
 * run several times faster on one P than split over two (select over four channels of capacity
 * 16: 9.0-9.9 M msgs/s with this watch, 6-7.9 without; a worker pool of 8: 31 against 59-165 ms).
 * So a thief takes from a P's queue only when
 * <ul>
 * <li>the P's owner has taken nothing from it for {@link #PATIENCE} consecutive looks (it is busy
 *     with one goroutine, and the queue waits), or</li>
 * <li>the queue holds {@link #BACKLOG} or more (more work than one P will get through soon),</li>
 * </ul>
 * and from {@code runnext} only when, besides, the same goroutine has sat there through
 * {@link #PATIENCE} looks (Go's rule). A spinning M looks every 64 pauses, about 1.6 µs here
 * (25 ns a pause), so the patience is about 6 µs; Go's {@code usleep(3)} is 3 µs.
 *
 * <p>Used only by its own M, so it needs no lock; it reads the Ps' counters without theirs.
 */
final class StealWatch {
    /** Looks that must see the same count of gets (or the same runnext) before a steal. */
    static final int PATIENCE = 4;
    /** A queue this long is taken from at once. */
    static final int BACKLOG = 16;

    /** The count of gets and the runnext stamp of each P at the last look, and for how many looks. */
    private final long[] gets;
    private final int[] getsLooks;
    private final long[] stamps;
    private final int[] stampLooks;

    StealWatch(int procs) {
        gets = new long[procs];
        getsLooks = new int[procs];
        stamps = new long[procs];
        stampLooks = new int[procs];
    }

    /**
     * One look at P {@code p}, which holds {@code queued} goroutines and whose owner has taken
     * {@code gets} from it so far: whether its queue may be stolen from now.
     */
    boolean queueWaited(int p, int gets, int queued) {
        return looksAtSame(this.gets, getsLooks, p, gets) >= PATIENCE || queued >= BACKLOG;
    }

    /**
     * One look at P {@code p}'s runnext, last filled at {@code stamp} (only when runnext is all it
     * holds): whether the same goroutine has sat there through the last {@link #PATIENCE} looks.
     */
    boolean runnextWaited(int p, long stamp) {
        return looksAtSame(stamps, stampLooks, p, stamp) >= PATIENCE;
    }

    /** The runnext stamp of P {@code p} at the last look, for {@link Processor#grabHalf}. */
    long stamp(int p) {
        return stamps[p];
    }

    /** Records {@code value} seen at P {@code p}; how many looks before this one saw it too. */
    private static int looksAtSame(long[] seen, int[] looks, int p, long value) {
        if (value == seen[p]) {
            return ++looks[p];
        }
        seen[p] = value;
        looks[p] = 0;
        return 0;
    }
}
