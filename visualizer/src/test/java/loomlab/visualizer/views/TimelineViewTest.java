package loomlab.visualizer.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline of the workers-with-timeout run, driven through a frame adapter. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    private final RunModel recorded = CannedRuns.workersWithTimeout();
    private FrameAdapter adapter;
    private TimelineView timeline;
    private StackPane root;
    private long now;

    @Start
    void start(Stage stage) {
        adapter = new FrameAdapter();
        timeline = new TimelineView(adapter.model());
        timeline.cursorSeqProperty().bindBidirectional(adapter.cursorSeqProperty());
        adapter.addView(timeline::show);
        root = new StackPane(timeline);
        Palette.applyTheme(root, false);
        stage.setScene(new Scene(root, 900, 260));
        stage.show();
        adapter.offerAll(recorded.events());
        pulse();
    }

    @Test
    void hasALanePerProcessorAndPerGoroutine() {
        VisualState end = recorded.latest();

        assertEquals(end.processors().size(), timeline.processorLaneCount());
        assertEquals(end.processors().size() + end.goroutines().size(), timeline.laneCount());
    }

    @Test
    void aRealModeRunHasALanePerProcessorShowingWhatRanOnIt() throws Exception {
        // given: a parallel run (not deterministic: only its shape is checked), which records Ps
        java.util.List<loomlab.engine.events.Traced> events = java.util.Collections.synchronizedList(
                new java.util.ArrayList<>());
        loomlab.engine.Runtime.builder().mode(loomlab.engine.RunMode.REAL).procs(CannedRuns.PROCS)
                .events(events::add).out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .build().start(() -> {
                    loomlab.engine.Chan<Integer> ch = loomlab.engine.Chan.make();
                    for (int i = 0; i < 4; i++) {
                        loomlab.engine.Go.go(() -> ch.send(1));
                    }
                    for (int i = 0; i < 4; i++) {
                        ch.recv();
                    }
                });
        RunModel real = RunModel.of(events);
        TimelineView view = new TimelineView(real);

        // when
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            root.getChildren().setAll(view);
            view.show(real.latest());
        });

        // then
        // a lane per P that ran something (in a short parallel run P1 may have run nothing)
        assertTrue(view.processorLaneCount() >= 1, "P lanes");
        assertTrue(view.processorLaneCount() <= real.latest().processors().size());
        assertEquals(view.processorLaneCount() + real.latest().goroutines().size(), view.laneCount());
        ViewScreenshots.write(root, ViewScreenshots.DIR.resolve("timeline-real-light.png"));
    }

    @Test
    void draggingTheCursorScrubsTheAdapterToThatEvent(FxRobot robot) {
        Bounds screen = fx(() -> timeline.localToScreen(timeline.getBoundsInLocal()));
        double y = screen.getMinY() + TimelineView.HEADER_HEIGHT + TimelineView.LANE_HEIGHT / 2;
        double from = screen.getMinX() + fx(() -> timeline.xOf(recorded.size()));
        double to = screen.getMinX() + fx(() -> timeline.xOf(recorded.size() / 3));

        robot.moveTo(new javafx.geometry.Point2D(from, y)).press(MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(to, y)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        long expected = fx(() -> timeline.seqAt(to - screen.getMinX()));
        pulse();

        assertEquals(expected, timeline.cursorSeqProperty().get());
        assertEquals(expected, adapter.cursorSeqProperty().get());
        assertTrue(Math.abs(expected - recorded.size() / 3) <= recorded.size() / 100 + 1,
                "the cursor lands near a third of the run, was " + expected);
        assertTrue(!adapter.followingProperty().get(), "scrubbed back: no longer following the end");
    }

    @Test
    void settingTheCursorMovesEveryViewTheAdapterFeeds() {
        VisualState[] seen = new VisualState[1];
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            adapter.addView(s -> seen[0] = s);
            timeline.cursorSeqProperty().set(42);
        });
        pulse();

        assertEquals(42, seen[0].seq());
        assertEquals(recorded.stateAt(42), seen[0]);
    }

    @Test
    void aLiveFrameWithNewEventsDrawsTheCanvasOnce() {
        long drawn = fx(() -> {
            FrameAdapter live = new FrameAdapter();
            TimelineView view = new TimelineView(live.model());
            view.cursorSeqProperty().bindBidirectional(live.cursorSeqProperty());
            live.addView(view::show);
            live.offerAll(recorded.events().subList(0, 50));
            live.pulse(1_000_000_000L);
            long before = view.draws();
            live.offerAll(recorded.events().subList(50, 100));
            live.pulse(2_000_000_000L);
            return view.draws() - before;
        });

        assertEquals(1, drawn);
    }

    @Test
    void clickingAGoroutinesLabelSelectsIt(FxRobot robot) {
        int lane = timeline.processorLaneCount(); // the first goroutine's lane: g1, main
        Bounds screen = fx(() -> timeline.localToScreen(timeline.getBoundsInLocal()));

        robot.clickOn(new javafx.geometry.Point2D(screen.getMinX() + 30,
                screen.getMinY() + TimelineView.HEADER_HEIGHT + (lane + 0.5) * TimelineView.LANE_HEIGHT));

        assertEquals(1, timeline.selectedGoroutineProperty().get());
    }

    @Test
    void screenshotsInLightAndDark() throws Exception {
        Path light = ViewScreenshots.DIR.resolve("timeline-light.png");
        Path dark = ViewScreenshots.DIR.resolve("timeline-dark.png");
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            timeline.selectedGoroutineProperty().set(3);
            timeline.cursorSeqProperty().set(recorded.size() * 2 / 5);
        });
        pulse();

        ViewScreenshots.write(root, light);
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> Palette.applyTheme(root, true));
        ViewScreenshots.write(root, dark);

        assertTrue(Files.size(light) > 0 && Files.size(dark) > 0);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One frame, later than the last: the test drives the adapter's clock. */
    private void pulse() {
        now += 1_000_000_000L;
        long at = now;
        if (javafx.application.Platform.isFxApplicationThread()) {
            adapter.pulse(at);
        } else {
            WaitForAsyncUtils.waitForAsyncFx(5000, () -> adapter.pulse(at));
        }
    }
}
