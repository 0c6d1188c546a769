package loomlab.app;

import static loomlab.app.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import loomlab.app.viewmodel.RunEnd;
import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.engine.events.Event;
import loomlab.visualizer.model.VisualState;
import loomlab.visualizer.views.ConsoleView;
import loomlab.visualizer.views.PngWriter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench end to end, headless: a lesson runs, steps, pauses, resumes and stops in a child JVM. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path home;
    private Workbench bench;

    @BeforeAll
    static void useATemporaryHome() {
        System.setProperty("loomlab.home", home.toString());
    }

    @Start
    void start(Stage stage) {
        bench = Fixtures.open(stage, Locale.ENGLISH, home.resolve("failing.run"));
    }

    @Test
    void aLessonStepRunsItsExampleTheViewsFillAndThePredictionIsChecked(FxRobot robot) throws Exception {
        assertEquals("Hello", bench.document.get().className(), "the first step's example is in the editor");
        assertTrue(robot.lookup("#goOriginal").tryQuery().isPresent(), "the Go original is beside the Java");

        robot.interact(() -> bench.lessons.chosenProperty().set(1));
        robot.clickOn("#runButton");
        await(() -> bench.run.statusProperty().get() == Status.ENDED && bench.views.console.lines().size() == 2);

        assertEquals(List.of("hello", "bye"), bench.views.console.lines().stream().map(Event.Output::text).toList());
        assertTrue(bench.views.goroutines.getItems().size() >= 2, "main and the greeter are in the table");
        assertEquals("greetings", bench.views.shown().channels().getFirst().name());
        assertEquals(RunEnd.Kind.EXITED, bench.run.endProperty().get().kind());
        assertTrue(robot.lookup("#predictResult").queryAs(Label.class).getText().startsWith("Right!"));
        assertTrue(bench.lessons.isDone(Fixtures.LESSON, Fixtures.LESSON.steps().getFirst()));
        assertTrue(robot.lookup("#watchNotes").tryQuery().isPresent());
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> bench.stage.getScene().snapshot(null)).get(),
                SCREENSHOTS.resolve("main-window-after-run.png"));
    }

    @Test
    void stepModeStepsThreeTimesThenResumesPausesAndStops(FxRobot robot) throws Exception {
        code("""
                import static loomlab.engine.Go.*;
                import loomlab.engine.Chan;
                public class Hello {
                    public static void main(String[] args) {
                        Chan<Integer> ticks = Chan.make("ticks", 0);
                        go("producer", () -> { for (int i = 0; ; i++) ticks.send(i); });
                        for (;;) { println(ticks.recv()); }
                    }
                }
                """);
        robot.clickOn("#stepModeBox");
        robot.interact(bench::runCode);
        await(() -> bench.run.statusProperty().get() == Status.PAUSED);

        VisualState before = bench.views.shown();
        for (int i = 0; i < 3; i++) {
            long seq = bench.views.shown().seq();
            robot.clickOn("#stepButton");
            await(() -> bench.views.shown().seq() > seq);
        }
        assertNotEquals(before, bench.views.shown(), "three steps changed the state");
        assertFalse(bench.views.shown().goroutines().isEmpty());

        robot.interact(() -> bench.run.speedProperty().set(100)); // a pace a person can watch
        robot.clickOn("#resumeButton");
        await(() -> bench.run.statusProperty().get() == Status.RUNNING && bench.views.console.lines().size() > 5);
        robot.clickOn("#pauseButton");
        await(() -> bench.run.statusProperty().get() == Status.PAUSED);
        robot.moveTo("#stopButton"); // the robot's mouse travel is not the stop's time
        long stopAt = System.nanoTime();
        robot.clickOn("#stopButton");
        await(() -> bench.run.statusProperty().get() == Status.ENDED);

        // Paused, the run would never end by itself: the bound catches a stop that waits.
        assertTrue(Fixtures.elapsedSince(stopAt).compareTo(Fixtures.PROMPT) < 0, "stopped promptly: " + Fixtures.elapsedSince(stopAt));
        assertEquals(RunEnd.Kind.STOPPED, bench.run.endProperty().get().kind());
    }

    @Test
    void clickingARunnableGoroutineInStepModeRunsItNext(FxRobot robot) throws Exception {
        robot.interact(() -> bench.run.stepModeProperty().set(true));
        robot.interact(bench::runCode);
        await(() -> bench.run.statusProperty().get() == Status.PAUSED);
        // Step until the greeter exists and is runnable. All of a step's events must have arrived
        // before the next step: one step too many could let the scheduler run the greeter.
        for (int i = 0; i < 50 && runnableGreeter() == 0; i++) {
            long seq = bench.views.shown().seq();
            robot.interact(() -> { bench.run.step(); });
            await(() -> bench.views.shown().seq() > seq || bench.run.statusProperty().get() == Status.ENDED);
            settled();
        }
        long greeter = runnableGreeter();
        assertTrue(greeter > 0, "the greeter became runnable");

        // The step's first watch note brought the Channels tab forward: the scheduler is behind it.
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) robot.lookup(".tab-pane").query();
            for (javafx.scene.control.Tab t : tabs.getTabs()) {
                if (isInside(bench.views.scheduler, t.getContent())) {
                    tabs.getSelectionModel().select(t);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        long before = bench.views.adapter().model().size();
        robot.clickOn(bench.views.scheduler.lookup("#g-" + greeter));
        await(() -> bench.views.shown().goroutine(greeter).state() != VisualState.State.RUNNABLE);

        assertEquals(greeter, bench.views.selected.get());
        long started = bench.views.adapter().model().events().stream().skip(before)
                .filter(t -> t.event() instanceof loomlab.engine.events.Event.GoStart).findFirst()
                .map(t -> ((loomlab.engine.events.Event.GoStart) t.event()).g()).orElse(0L);
        assertEquals(greeter, started, "the goroutine clicked is the next to run");
        robot.interact(() -> { bench.run.stop(); });
    }

    /**
     * Waits until no event has arrived for a while: a paused run stays put after a step, whose
     * events may come in more than one batch. Nothing is ordered by this wait.
     */
    private void settled() throws Exception {
        long size;
        do {
            size = WaitForAsyncUtils.asyncFx(() -> bench.views.adapter().model().size()).get();
            Thread.sleep(60);
        } while (WaitForAsyncUtils.asyncFx(() -> bench.views.adapter().model().size()).get() != size);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node container) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    private long runnableGreeter() {
        return bench.views.shown().goroutines().stream()
                .filter(g -> "greeter".equals(g.name()) && g.state() == VisualState.State.RUNNABLE)
                .mapToLong(VisualState.Goroutine::id).findFirst().orElse(0);
    }

    @Test
    void theRunEndsOnScreenInTheLanguageChosenAndCodeSurvivesTheSwitch(FxRobot robot) throws Exception {
        String edited = Fixtures.HELLO.replace("\"bye\"", "\"再见\"");
        code(edited);
        robot.interact(bench::runCode);
        await(() -> bench.run.statusProperty().get() == Status.ENDED);

        robot.interact(() -> {
            bench.language.set("zh");
            bench.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(edited, bench.editor.getText(), "the learner's code is kept");
        assertEquals(Status.ENDED, bench.run.statusProperty().get(), "the run is kept");
        assertTrue(robot.lookup("课程").tryQuery().isPresent());
        await(() -> bench.views.console.lines().size() == 2);
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> bench.stage.getScene().snapshot(null)).get(),
                SCREENSHOTS.resolve("main-window-zh-after-run.png"));
        robot.interact(() -> {
            bench.language.set("en");
            bench.layout();
        });
    }

    @Test
    void presentationModeScalesEverythingUpAndFoldsTheLessonsAway(FxRobot robot) throws Exception {
        robot.interact(() -> bench.presentation.set(true));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Presentation.PRESENTATION_SCALE, bench.fontScale.get());
        assertTrue(bench.window().root().getStyle().contains("-fx-font-size: 18px"));
        robot.interact(() -> { Presentation.zoom(bench, +1); });
        assertEquals(1.5, bench.fontScale.get(), 1e-9);
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> bench.stage.getScene().snapshot(null)).get(),
                SCREENSHOTS.resolve("presentation-mode.png"));

        robot.interact(() -> bench.presentation.set(false));
        robot.interact(() -> { Presentation.zoom(bench, 0); });
        assertEquals(1.0, bench.fontScale.get());
    }

    @Test
    void anExerciseShowsHintsOneByOneGradesAndReplaysTheFailingRun(FxRobot robot) throws Exception {
        robot.interact(bench::runCode);
        await(() -> bench.run.statusProperty().get() == Status.ENDED);
        Path failing = home.resolve("failing.run");
        robot.interact(() -> bench.run.saveRun(failing));
        await(() -> bench.run.noticeProperty().get() != null
                && bench.run.noticeProperty().get().key().equals("notice.runSaved"));
        robot.interact(() -> { bench.exercises.select("ping"); });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Ping", bench.document.get().className());

        robot.clickOn("#showHint");
        assertEquals(1, bench.exercises.hintsShownProperty().get());
        robot.interact(() -> { bench.exercises.select("ping"); });
        robot.interact(() -> bench.exercises.grade(failing, Locale.ENGLISH, home));
        await(() -> robot.lookup("#replay-printsPing").tryQuery().isPresent());

        assertTrue(robot.lookup("#gradeScore").queryAs(Label.class).getText().contains("50"));
        assertEquals(0.5, bench.exercises.bestScore(Fixtures.EXERCISE));
        robot.interact(() -> robot.lookup("#replay-printsPing").queryButton().fire());
        await(() -> bench.run.noticeProperty().get().key().equals("notice.runOpened"));
        assertEquals("Hello", bench.run.programProperty().get());
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> bench.stage.getScene().snapshot(null)).get(),
                SCREENSHOTS.resolve("exercise-graded.png"));
    }

    @Test
    void everyRunControlHasAShortcutInItsMenuItemAndTooltip(FxRobot robot) {
        var run = robot.lookup("#runButton").queryButton();
        assertTrue(run.getTooltip().getText().contains("F5"), run.getTooltip().getText());
        assertTrue(robot.lookup("#stopButton").queryButton().getTooltip().getText().contains("Shift+F5"));
        assertEquals(Shortcut.values().length, Dialogs.shortcutGrid(new Texts(Locale.ENGLISH)).getChildren().size() / 2);
    }

    /** Puts {@code source} in the editor. */
    private void code(String source) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> bench.editor.setText(source)).get();
    }

    static String endText(FxRobot robot) {
        return robot.lookup("#runEndText").queryAs(Label.class).getText();
    }

    static String report(FxRobot robot) {
        return robot.lookup("#runReport").queryAs(TextArea.class).getText();
    }

    static ConsoleView console(Workbench bench) {
        return bench.views.console;
    }
}
