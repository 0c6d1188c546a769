package loomlab.visualizer.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console: tagged lines, and a flood of output fed through the frame adapter. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleViewTest {
    /** Lines the flooding program prints. */
    private static final int FLOOD = 100_000;

    private final RunModel run = CannedRuns.producerConsumer();
    private ConsoleView console;
    private StackPane root;

    @Start
    void start(Stage stage) {
        console = new ConsoleView();
        root = new StackPane(console);
        Palette.applyTheme(root, false);
        stage.setScene(new Scene(root, 640, 260));
        stage.show();
        console.show(run.latest());
    }

    @Test
    void eachLineIsTaggedWithTheGoroutineThatPrintedIt(FxRobot robot) {
        List<Event.Output> printed = run.latest().output();

        assertEquals(printed, console.lines());
        assertTrue(printed.stream().anyMatch(l -> l.text().equals("main: all done") && l.g() == 1));
        List<String> tags = robot.lookup(".console-tag").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).filter(t -> t != null).toList();
        assertTrue(tags.contains("g1"), "main's line is tagged g1: " + tags);
        assertTrue(tags.stream().allMatch(t -> t.matches("g\\d+")), tags.toString());
        assertTrue(!robot.lookup("#consoleDropped").queryAs(Label.class).isVisible(), "nothing dropped");
    }

    @Test
    void scrubbingBackShowsOnlyTheLinesPrintedByThen() {
        long seq = run.latest().output().size() > 2 ? seqOfLine(run, 2) : 1;

        WaitForAsyncUtils.waitForAsyncFx(5000, () -> console.show(run.stateAt(seq)));

        assertEquals(run.stateAt(seq).output(), console.lines());
        assertEquals(3, console.lines().size());
    }

    @Test
    void aHundredThousandLinesKeepTheLastTenThousandAndSayHowManyWereDropped(FxRobot robot) throws Exception {
        FrameAdapter adapter = new FrameAdapter();
        ConsoleView flooded = new ConsoleView();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            root.getChildren().setAll(flooded);
            adapter.addView(flooded::show);
            adapter.start();
        });

        // when: a reader thread floods the adapter, as a child run printing in a loop would
        Thread reader = Thread.ofPlatform().start(() -> {
            adapter.offer(new Traced(1, 0, 0, -1, -1, null, new Event.GoCreate(2, 1, "printer")));
            for (int i = 1; i <= FLOOD; i++) {
                adapter.offer(new Traced(i + 1, i, 2, 0, 0, null, new Event.Output(2, "line " + i)));
            }
        });

        // then: the FX thread answers at once all along, and never owes more than one frame
        long slowest = 0;
        while (reader.isAlive() || adapter.backlog() > 0 || adapter.pendingFrames() > 0) {
            assertTrue(adapter.pendingFrames() <= 1);
            long t0 = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> { }).get(5, TimeUnit.SECONDS);
            slowest = Math.max(slowest, System.nanoTime() - t0);
            Thread.sleep(5);
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForAsyncFx(5000, adapter::stop);

        assertTrue(slowest < Duration.ofSeconds(1).toNanos(), "FX thread stalled for " + slowest / 1e6 + " ms");
        assertEquals(ConsoleView.MAX_LINES, flooded.lines().size());
        assertEquals("line " + FLOOD, flooded.lines().getLast().text());
        assertEquals("line " + (FLOOD - ConsoleView.MAX_LINES + 1), flooded.lines().getFirst().text());
        assertEquals(FLOOD - ConsoleView.MAX_LINES, flooded.droppedLines());
        Label dropped = robot.lookup("#consoleDropped").queryAs(Label.class);
        assertTrue(dropped.isVisible());
        assertEquals("90,000 earlier lines not shown (keeping the last 10,000)", dropped.getText());
        assertTrue(adapter.frames() < FLOOD / 100, "frames are batched: " + adapter.frames() + " frames");

        ViewScreenshots.write(root, ViewScreenshots.DIR.resolve("console-flooded-light.png"));
    }

    @Test
    void screenshotsInLightAndDark() throws Exception {
        Path light = ViewScreenshots.DIR.resolve("console-light.png");
        Path dark = ViewScreenshots.DIR.resolve("console-dark.png");
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> console.selectedGoroutineProperty().set(1));

        ViewScreenshots.write(root, light);
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> Palette.applyTheme(root, true));
        ViewScreenshots.write(root, dark);

        assertTrue(Files.size(light) > 0 && Files.size(dark) > 0);
    }

    /** The seq of the event that printed line {@code index} (0-based). */
    private static long seqOfLine(RunModel run, int index) {
        int seen = 0;
        for (Traced t : run.events()) {
            if (t.event() instanceof Event.Output && seen++ == index) {
                return t.seq();
            }
        }
        throw new AssertionError("fewer than " + (index + 1) + " lines");
    }
}
