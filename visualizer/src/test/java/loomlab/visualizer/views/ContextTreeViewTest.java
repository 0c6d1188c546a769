package loomlab.visualizer.views;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import loomlab.engine.CancelContext;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The context tree, given a canned run, before and after a cancellation runs down it. */
@ExtendWith(ApplicationExtension.class)
class ContextTreeViewTest {
    private static final PseudoClass CANCELED = PseudoClass.getPseudoClass("canceled");
    private ContextTreeView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new ContextTreeView();
        scene = new Scene(new ScrollPane(view), 640, 560);
        scene.getStylesheets().add(ContextTreeView.class.getResource("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Background → WithCancel → { WithValue(user = ada) → WithTimeout(50ms), WithCancel }, a goroutine
     * waiting on each leaf; main cancels the WithCancel near the root after 10ms.
     */
    static List<Traced> run() {
        return CannedRuns.record(() -> {
            CancelContext parent = Context.withCancel(Context.background());
            Context value = Context.withValue(parent, "user", "ada");
            CancelContext timeout = Context.withTimeout(value, Duration.ofMillis(50));
            go("waiter", () -> timeout.done().recv());
            CancelContext sibling = Context.withCancel(parent);
            go("sibling", () -> sibling.done().recv());
            Time.sleep(Duration.ofMillis(10));
            parent.cancel();
            Time.sleep(Duration.ofMillis(1));
        });
    }

    @Test
    void aGoroutineWaitingOnDoneHangsUnderItsContextWithACountdown(FxRobot robot) {
        List<Traced> run = run();
        long timeout = ((Event.CtxCreate) run.stream().map(Traced::event)
                .filter(e -> e instanceof Event.CtxCreate c && c.deadline() >= 0).findFirst().orElseThrow()).ctx();
        long waiting = SchedulerViewTest.seqOf(run, e -> e instanceof Event.GoBlock b && b.g() == 2);

        robot.interact(() -> view.show(RunModel.of(run).stateAt(waiting)));

        assertNotNull(view.lookup("#ctx-" + timeout + "-waiters").lookup("#g-2"), "g2 hangs under the timeout");
        assertTrue(((Label) view.lookup("#ctx-" + timeout + "-status")).getText().contains("left"));
        assertFalse(view.lookup("#ctx-" + timeout).getPseudoClassStates().contains(CANCELED));
    }

    @Test
    void aCancellationMarksEveryDescendantWithItsCause(FxRobot robot) {
        List<Traced> run = run();
        robot.interact(() -> view.show(RunModel.of(run).latest()));

        List<Event.CtxCancel> cancels = run.stream().map(Traced::event)
                .filter(e -> e instanceof Event.CtxCancel).map(e -> (Event.CtxCancel) e).toList();
        assertFalse(cancels.isEmpty());
        for (Event.CtxCancel c : cancels) {
            assertTrue(view.lookup("#ctx-" + c.ctx()).getPseudoClassStates().contains(CANCELED), "ctx " + c.ctx());
            assertTrue(((Label) view.lookup("#ctx-" + c.ctx() + "-status")).getText().contains(c.err()));
        }
        assertFalse(view.lookup("#ctx--1").getPseudoClassStates().contains(CANCELED), "Background is never cancelled");
    }

    @Test
    void aStepRunsTheCancellationDownTheTree(FxRobot robot) {
        List<Traced> run = run();
        RunModel model = RunModel.of(run);
        long first = SchedulerViewTest.seqOf(run, e -> e instanceof Event.CtxCancel);

        robot.interact(() -> view.animate(model.stateAt(first - 1), model.latest(), javafx.util.Duration.millis(300)));

        long cancelled = view.lookupAll(".context").stream()
                .filter(n -> n.getPseudoClassStates().contains(CANCELED)).count();
        assertTrue(cancelled >= 3, "the cancel, the value and the timeout below it, and the sibling");
    }

    @Test
    void screenshotsInLightAndDark(FxRobot robot) throws Exception {
        List<Traced> run = run();
        long mid = SchedulerViewTest.seqOf(run, e -> e instanceof Event.CtxCancel) + 1;
        robot.interact(() -> view.show(RunModel.of(run).stateAt(mid)));
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("contexts-light.png"));
        robot.interact(() -> scene.getRoot().getStyleClass().add("dark"));
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("contexts-dark.png"));
    }
}
