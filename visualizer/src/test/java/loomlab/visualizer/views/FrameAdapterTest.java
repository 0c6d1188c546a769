package loomlab.visualizer.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import loomlab.engine.events.Traced;
import loomlab.visualizer.model.VisualState;
import org.junit.jupiter.api.Test;

/**
 * The adapter without a screen: the test thread plays the FX thread and calls {@code pulse} with
 * the frame times it chooses.
 */
class FrameAdapterTest {
    /** One frame at 60 Hz, in nanos. */
    private static final long FRAME = 1_000_000_000L / 60;

    private final List<Traced> run = CannedRuns.producerConsumerEvents();
    private final FrameAdapter adapter = new FrameAdapter();
    private final List<VisualState> shown = new ArrayList<>();

    FrameAdapterTest() {
        adapter.addView(shown::add);
    }

    @Test
    void eventsOfferedFromAnotherThreadBetweenPulsesReachTheViewsAsOneBatchAndOneFrame() throws Exception {
        // given
        Thread reader = Thread.ofPlatform().start(() -> run.forEach(adapter::offer));
        reader.join();

        // when
        boolean drew = adapter.pulse(FRAME);

        // then
        assertTrue(drew);
        assertEquals(run.size(), adapter.model().size());
        assertEquals(1, adapter.batches());
        assertEquals(1, shown.size());
        assertEquals(run.size(), shown.getFirst().seq(), "the frame shows the latest state");
    }

    @Test
    void manyOffersOweOnlyOneFrame() {
        for (Traced t : run) {
            adapter.offer(t);
            assertTrue(adapter.pendingFrames() <= 1);
        }
        assertEquals(1, adapter.pendingFrames());
        assertEquals(run.size(), adapter.backlog());

        adapter.pulse(FRAME);

        assertEquals(0, adapter.pendingFrames());
        assertEquals(0, adapter.backlog());
    }

    @Test
    void aPulseSoonerThanOneSixtiethOfASecondAfterAFrameDrawsNothing() {
        adapter.offerAll(run.subList(0, 10));
        adapter.pulse(FRAME);
        adapter.offerAll(run.subList(10, 20));

        assertFalse(adapter.pulse(FRAME + FRAME / 2), "too soon");
        assertTrue(adapter.pulse(2 * FRAME));
        assertEquals(List.of(10L, 20L), shown.stream().map(VisualState::seq).toList());
    }

    @Test
    void aPulseWithNothingNewDrawsNothing() {
        adapter.offerAll(run);
        adapter.pulse(FRAME);

        assertFalse(adapter.pulse(2 * FRAME));
        assertEquals(1, adapter.frames());
    }

    @Test
    void settingTheCursorPinsTheViewsToThatEventAndMovingItToTheEndFollowsAgain() {
        adapter.offerAll(run);
        adapter.pulse(FRAME);

        adapter.cursorSeqProperty().set(5);
        adapter.pulse(2 * FRAME);
        adapter.offerAll(List.of()); // nothing new: still pinned
        adapter.pulse(3 * FRAME);

        assertFalse(adapter.followingProperty().get());
        assertEquals(5, shown.getLast().seq());

        adapter.cursorSeqProperty().set(run.size());
        adapter.pulse(4 * FRAME);

        assertTrue(adapter.followingProperty().get());
        assertEquals(run.size(), shown.getLast().seq());
    }

    @Test
    void theAdapterMovesTheCursorToEachFrameItShowsWithoutStoppingToFollow() {
        adapter.offerAll(run.subList(0, 30));
        adapter.pulse(FRAME);
        adapter.offerAll(run.subList(30, 40));
        adapter.pulse(2 * FRAME);

        assertEquals(40, adapter.cursorSeqProperty().get());
        assertTrue(adapter.followingProperty().get());
    }

    @Test
    void atASpeedTheViewsStepTowardTheLatestEventAtThatManyEventsASecond() {
        adapter.speedProperty().set(120); // two events per frame
        adapter.offerAll(run.subList(0, 10));

        for (int frame = 1; frame <= 6; frame++) {
            adapter.pulse(frame * FRAME);
        }

        assertEquals(List.of(1L, 3L, 5L, 7L, 9L, 10L), shown.stream().map(VisualState::seq).toList(),
                "the first frame shows one event, then two a frame until the end");
    }
}
