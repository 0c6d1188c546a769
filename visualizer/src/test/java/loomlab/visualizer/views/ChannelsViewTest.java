package loomlab.visualizer.views;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The channels view, given a canned run, at moments picked by the events that make them. */
@ExtendWith(ApplicationExtension.class)
class ChannelsViewTest {
    private ChannelsView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new ChannelsView();
        scene = new Scene(new ScrollPane(view), 760, 420);
        scene.getStylesheets().add(ChannelsView.class.getResource("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Buffered ch1 (cap 2) fills with 7 and 8, a sender parks holding 9; a receiver parks on unbuffered ch2. */
    static List<Traced> run() {
        return CannedRuns.record(() -> {
            Chan<Integer> buf = Chan.make(2);
            Chan<Integer> unbuf = Chan.make();
            go("rx", () -> {
                for (Integer ignored : unbuf) {
                    Time.sleep(Duration.ofMillis(1));
                }
            });
            buf.send(7);
            buf.send(8);
            go("tx", () -> buf.send(9));
            Time.sleep(Duration.ofMillis(1));
            for (int i = 0; i < 3; i++) {
                buf.recv();
            }
            unbuf.send(1);
            unbuf.close();
            Time.sleep(Duration.ofMillis(5));
        });
    }

    private static long seqOf(List<Traced> run, java.util.function.Predicate<Event> which) {
        return SchedulerViewTest.seqOf(run, which);
    }

    /** The moment tx waits to send on ch1 and rx waits to receive on ch2, whichever parked last. */
    private static long bothParked(List<Traced> run) {
        return Math.max(seqOf(run, e -> e instanceof Event.WaiterEnqueue w && w.send()),
                seqOf(run, e -> e instanceof Event.WaiterEnqueue w && !w.send()));
    }

    @Test
    void parkedSenderHoldsItsValueBesideAFullBuffer(FxRobot robot) {
        List<Traced> run = run();
        long parked = bothParked(run);

        robot.interact(() -> view.show(RunModel.of(run).stateAt(parked)));

        assertEquals("7", ((Label) view.lookup("#chan-1-slot-0")).getText());
        assertEquals("8", ((Label) view.lookup("#chan-1-slot-1")).getText());
        assertNotNull(view.lookup("#chan-1-sendq").lookup("#g-3"), "tx waits to send");
        assertTrue(view.lookup("#chan-1-sendq").lookupAll(".value").stream()
                .anyMatch(n -> ((Label) n).getText().equals("9")), "holding 9");
        assertNotNull(view.lookup("#chan-2-recvq").lookup("#g-2"), "rx waits to receive");
    }

    @Test
    void aClosedChannelIsMarkedClosed(FxRobot robot) {
        List<Traced> run = run();
        long closed = seqOf(run, e -> e instanceof Event.ChanClose);

        robot.interact(() -> view.show(RunModel.of(run).stateAt(closed)));

        assertTrue(view.lookup("#chan-2").getPseudoClassStates().contains(PseudoClass.getPseudoClass("closed")));
    }

    @Test
    void aboveFiftyChannelsOnlyTheBusiestAreDrawn(FxRobot robot) {
        List<Traced> run = CannedRuns.record(() -> {
            for (int i = 0; i < 60; i++) {
                Chan.<Integer>make(1).send(i);
            }
        });
        robot.interact(() -> view.show(RunModel.of(run).latest()));

        assertEquals(ChannelsView.SHOWN_AT_MOST, view.lookupAll(".channel").size());
        assertTrue(((Label) view.lookup("#chan-more")).getText().startsWith("+10"));
    }

    @Test
    void aStepLetsTheSentValueTravelIntoItsSlot(FxRobot robot) {
        List<Traced> run = run();
        RunModel model = RunModel.of(run);
        long sent = seqOf(run, e -> e instanceof Event.ChanSend s && s.slot() == 0);

        robot.interact(() -> view.animate(model.stateAt(sent - 1), model.stateAt(sent), javafx.util.Duration.millis(200)));

        assertEquals("7", ((Label) view.lookup("#chan-1-slot-0")).getText());
    }

    @Test
    void aHandOffOnAnUnbufferedChannelFliesTheValueAndTheReceiverToTheDeliveredRow(FxRobot robot) {
        List<Traced> run = run();
        RunModel model = RunModel.of(run);
        long handOff = seqOf(run, e -> e instanceof Event.ChanSend s && s.ch() == 2 && s.slot() == -1);
        // One step of the sender: the engine takes rx off the queue (WaiterDequeue), then hands it the value.
        long dequeued = seqOf(run, e -> e instanceof Event.WaiterDequeue d && d.ch() == 2 && !d.send());
        assertEquals(handOff - 1, dequeued);

        robot.interact(() -> view.animate(model.stateAt(dequeued - 1), model.stateAt(handOff),
                javafx.util.Duration.seconds(30)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertEquals("1", ((Label) view.lookup("#chan-2-delivered-value")).getText());
        javafx.scene.Node rx = view.lookup("#chan-2-delivered").lookup("#g-2");
        assertNotNull(rx, "rx received the 1");
        assertNull(view.lookup("#chan-2-recvq").lookup("#g-2"), "rx no longer waits");
        assertTrue(rx.getTranslateX() != 0 || rx.getTranslateY() != 0,
                "rx's token is on its way from the receive queue, not already there");
    }

    @Test
    void aReceiveFromTheBufferFliesTheValueFromItsSlot(FxRobot robot) {
        List<Traced> run = run();
        RunModel model = RunModel.of(run);
        long received = seqOf(run, e -> e instanceof Event.ChanRecv r && r.ch() == 1 && r.slot() == 0);

        robot.interact(() -> view.animate(model.stateAt(received - 1), model.stateAt(received),
                javafx.util.Duration.seconds(30)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        Label value = (Label) view.lookup("#chan-1-delivered-value");
        assertEquals("7", value.getText());
        assertTrue(value.getTranslateX() < 0, "7 comes from slot 0, to the left of the delivered row");
    }

    @Test
    void theSelectedGoroutineIsHighlightedInTheQueues(FxRobot robot) {
        List<Traced> run = run();
        robot.interact(() -> view.show(RunModel.of(run).stateAt(bothParked(run))));

        robot.interact(() -> view.highlight(2));

        assertTrue(view.lookup("#chan-2-recvq").lookup("#g-2").getPseudoClassStates().contains(SchedulerViewTokens.SELECTED));
        assertFalse(view.lookup("#chan-1-sendq").lookup("#g-3").getPseudoClassStates().contains(SchedulerViewTokens.SELECTED));
    }

    @Test
    void aTimerChannelShowsItsFiringInTheInnerSlotUntilStopThrowsItAway(FxRobot robot) throws Exception {
        List<Traced> run = CannedRuns.record(() -> {
            loomlab.engine.Timer timer = Time.newTimer(Duration.ofMillis(10));
            Time.sleep(Duration.ofMillis(30));
            timer.stop();
        });
        RunModel model = RunModel.of(run);
        long fired = seqOf(run, e -> e instanceof Event.ChanSend s && s.g() == 0);
        long stopped = seqOf(run, e -> e instanceof Event.ChanRecv r && r.g() == 0);

        robot.interact(() -> view.show(model.stateAt(fired)));
        assertEquals("timer.C · timer channel (cap 0 to the program)", ((Label) view.lookup("#chan-1 .title")).getText());
        assertTrue(((Label) view.lookup("#chan-1-slot-0")).getText().startsWith("2000-01-01T00:00:00.010"),
                "the time of the firing waits in the slot");
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("channels-timer-fired.png"));

        robot.interact(() -> view.show(model.stateAt(stopped)));
        assertEquals("", ((Label) view.lookup("#chan-1-slot-0")).getText(), "Stop threw it away");
        assertFalse(view.lookup("#chan-1-delivered").isVisible(), "nobody received it");
    }

    @Test
    void screenshotsInLightAndDark(FxRobot robot) throws Exception {
        List<Traced> run = run();
        robot.interact(() -> view.show(RunModel.of(run).stateAt(bothParked(run))));
        robot.interact(() -> view.highlight(3));
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("channels-light.png"));
        robot.interact(() -> scene.getRoot().getStyleClass().add("dark"));
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("channels-dark.png"));
        long handOff = seqOf(run, e -> e instanceof Event.ChanSend s && s.ch() == 2 && s.slot() == -1);
        robot.interact(() -> {
            scene.getRoot().getStyleClass().remove("dark");
            view.show(RunModel.of(run).stateAt(handOff));
        });
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("channels-delivered-light.png"));
    }
}
