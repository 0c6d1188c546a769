package loomlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The live goroutines of a run: a doubly linked list through {@link Goroutine#livePrev} and
 * {@link Goroutine#liveNext}, in stripes by goroutine id so that Ms starting and ending goroutines
 * at once rarely meet on one lock. Two fields in each goroutine instead of a map entry (about 40
 * bytes for each parked goroutine). Read only for dumps, leak reports and the end of a run.
 */
final class LiveGoroutines {
    private static final int STRIPES = 8; // a power of two

    private final Object[] locks = new Object[STRIPES];
    private final Goroutine[] heads = new Goroutine[STRIPES];

    LiveGoroutines() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    void add(Goroutine g) {
        int s = stripe(g);
        synchronized (locks[s]) {
            Goroutine head = heads[s];
            g.liveNext = head;
            if (head != null) {
                head.livePrev = g;
            }
            heads[s] = g;
        }
    }

    /** Removes {@code g}; called once, when it ends. */
    void remove(Goroutine g) {
        int s = stripe(g);
        synchronized (locks[s]) {
            if (g.livePrev != null) {
                g.livePrev.liveNext = g.liveNext;
            } else if (heads[s] == g) {
                heads[s] = g.liveNext;
            }
            if (g.liveNext != null) {
                g.liveNext.livePrev = g.livePrev;
            }
            g.livePrev = null;
            g.liveNext = null;
        }
    }

    /** The goroutines live now, in no particular order. */
    List<Goroutine> snapshot() {
        List<Goroutine> all = new ArrayList<>();
        for (int s = 0; s < STRIPES; s++) {
            synchronized (locks[s]) {
                for (Goroutine g = heads[s]; g != null; g = g.liveNext) {
                    all.add(g);
                }
            }
        }
        return all;
    }

    private static int stripe(Goroutine g) {
        return (int) g.id & (STRIPES - 1);
    }
}
