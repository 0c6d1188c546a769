package loomlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When an idle M may steal (GMP-06, ADR 0013): work that waits, never work that flows. */
class StealWatchTest {
    private final StealWatch watch = new StealWatch(2);

    @Test
    @DisplayName("GMP-06 a queue whose owner keeps taking from it is never stolen from")
    void flowingQueueIsLeftAlone() {
        for (int look = 0; look < 100; look++) {
            assertFalse(watch.queueWaited(1, look + 1, 3), "look " + look);
        }
    }

    @Test
    @DisplayName("GMP-06 a queue its owner has not taken from for PATIENCE looks is stolen from")
    void waitingQueueIsStolenAfterPatience() {
        assertFalse(watch.queueWaited(1, 7, 2), "the first sighting");
        for (int look = 1; look < StealWatch.PATIENCE; look++) {
            assertFalse(watch.queueWaited(1, 7, 2), "look " + look);
        }
        assertTrue(watch.queueWaited(1, 7, 2));
        assertTrue(watch.queueWaited(1, 7, 1), "still waiting");
        assertFalse(watch.queueWaited(1, 8, 1), "the owner took one: patience starts again");
    }

    @Test
    @DisplayName("GMP-06 a long queue is stolen from at the first look")
    void backlogIsStolenAtOnce() {
        assertTrue(watch.queueWaited(1, 7, StealWatch.BACKLOG));
        assertFalse(watch.queueWaited(0, 9, StealWatch.BACKLOG - 1));
    }

    @Test
    @DisplayName("GMP-06 runnext is taken only when the same goroutine sat there through PATIENCE looks")
    void runnextMustBeTheSameThroughPatience() {
        for (int look = 0; look < StealWatch.PATIENCE; look++) {
            assertFalse(watch.runnextWaited(1, 42), "look " + look);
        }
        assertTrue(watch.runnextWaited(1, 42));
        assertEquals(42, watch.stamp(1), "the stamp grabHalf checks");
        assertFalse(watch.runnextWaited(1, 43), "a new goroutine in runnext");
    }

    @Test
    @DisplayName("each P is watched on its own")
    void perProcessor() {
        for (int look = 0; look <= StealWatch.PATIENCE; look++) {
            watch.queueWaited(0, 5, 1);
        }
        assertTrue(watch.queueWaited(0, 5, 1));
        assertFalse(watch.queueWaited(1, 5, 1), "P 1 was never looked at");
    }
}
