package loomlab.app;

import static loomlab.app.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import loomlab.app.viewmodel.RunEnd;
import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.visualizer.views.ConsoleView;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a learner's program may do, and how the workbench takes it: never frozen, never losing the code. */
@ExtendWith(ApplicationExtension.class)
class RobustnessTest {
    @TempDir
    static Path home;
    private Workbench bench;

    @BeforeAll
    static void useATemporaryHome() {
        System.setProperty("loomlab.home", home.toString());
    }

    @Start
    void start(Stage stage) {
        bench = Fixtures.open(stage, Locale.ENGLISH, null);
    }

    @Test
    void aCompileErrorIsMarkedAtItsLineAndNothingRuns(FxRobot robot) throws Exception {
        var before = bench.run.framesProperty().get();
        String broken = Fixtures.HELLO.replace("println(\"bye\");", "println(\"bye\")");

        run(robot, broken);
        await(() -> bench.run.statusProperty().get() == Status.IDLE && !bench.run.diagnostics().isEmpty());

        assertEquals(9, bench.run.diagnostics().getFirst().line());
        assertSame(before, bench.run.framesProperty().get(), "no run started");
        assertTrue(robot.lookup("#noticeLabel").queryAs(Label.class).getText().contains("does not compile"));
        assertEquals(broken, bench.editor.getText(), "the code is kept");
    }

    @Test
    void anUncaughtExceptionIsReportedAsAPanic(FxRobot robot) throws Exception {
        end(robot, program("go(\"worker\", () -> { throw new IllegalStateException(\"boom\"); }); Time.sleep(Duration.ofSeconds(1));"));

        assertEquals(RunEnd.Kind.PANICKED, bench.run.endProperty().get().kind());
        assertTrue(WorkbenchTest.report(robot).contains("boom"), WorkbenchTest.report(robot));
        assertTrue(WorkbenchTest.endText(robot).contains("panicked"));
    }

    @Test
    void aDeadlockShowsTheDumpAndTheGoroutinesInvolved(FxRobot robot) throws Exception {
        end(robot, program("Chan<String> ch = Chan.make(); ch.send(\"nobody listens\");"));

        assertEquals(RunEnd.Kind.DEADLOCK, bench.run.endProperty().get().kind());
        assertTrue(WorkbenchTest.report(robot).contains("all goroutines are asleep"));
        assertTrue(robot.lookup("#deadlocked-1").tryQuery().isPresent(), "g1 is named");
        assertEquals(1, bench.views.selected.get(), "and highlighted in every view");
    }

    @Test
    void anInfiniteLoopEndsPromptlyOnStop(FxRobot robot) throws Exception {
        robot.interact(() -> bench.run.modeProperty().set(loomlab.engine.RunMode.REAL));
        run(robot, program("println(\"spinning\"); while (true) { }"));
        await(() -> bench.run.statusProperty().get() == Status.RUNNING && bench.views.console.lines().size() == 1);

        robot.moveTo("#stopButton"); // the robot's mouse travel is not the stop's time
        long stopAt = System.nanoTime();
        robot.clickOn("#stopButton");
        await(() -> bench.run.statusProperty().get() == Status.ENDED);

        // The loop never ends by itself, so ENDED at all proves the kill; the bound catches a stop
        // that waits (for the child, a timeout, a join), with room for a loaded CI machine.
        assertTrue(Fixtures.elapsedSince(stopAt).compareTo(Fixtures.PROMPT) < 0, Fixtures.elapsedSince(stopAt).toString());
        assertEquals(RunEnd.Kind.STOPPED, bench.run.endProperty().get().kind());
    }

    @Test
    void systemExitInTheProgramEndsOnlyTheProgram(FxRobot robot) throws Exception {
        end(robot, program("println(\"leaving\"); System.exit(3);"));

        assertEquals(RunEnd.Kind.SYSTEM_EXIT, bench.run.endProperty().get().kind());
        assertEquals(3, bench.run.endProperty().get().status());
        assertTrue(WorkbenchTest.endText(robot).contains("System.exit(3)"));
    }

    @Test
    void outOfMemoryInTheProgramLeavesTheWorkbenchStanding(FxRobot robot) throws Exception {
        end(robot, program("java.util.List<long[]> hoard = new java.util.ArrayList<>(); while (true) { hoard.add(new long[1 << 20]); }"));

        assertEquals(RunEnd.Kind.OUT_OF_MEMORY, bench.run.endProperty().get().kind());
        assertTrue(WorkbenchTest.endText(robot).contains("ran out of memory"));
    }

    @Test
    void aHundredThousandLinesKeepTheLastAndSayHowManyWereDropped(FxRobot robot) throws Exception {
        robot.interact(() -> bench.run.modeProperty().set(loomlab.engine.RunMode.REAL));
        end(robot, program("for (int i = 0; i < 100_000; i++) { System.out.println(\"line \" + i); }"));
        ConsoleView console = bench.views.console;
        await(() -> console.droppedLines() + console.lines().size() == 100_000);

        assertEquals(ConsoleView.MAX_LINES, console.lines().size());
        assertEquals(100_000 - ConsoleView.MAX_LINES, console.droppedLines());
        assertEquals("line 99999", console.lines().getLast().text());
        assertTrue(robot.lookup("#consoleDropped").queryAs(Label.class).isVisible());
        // The window still answers at once.
        WaitForAsyncUtils.asyncFx(() -> bench.lessons.next()).get(1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static String program(String body) {
        return """
                import static loomlab.engine.Go.*;
                import loomlab.engine.*;
                import java.time.Duration;
                public class Hello {
                    public static void main(String[] args) throws Exception {
                        %s
                    }
                }
                """.formatted(body);
    }

    private void run(FxRobot robot, String source) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> bench.editor.setText(source)).get();
        robot.interact(bench::runCode);
    }

    /** Runs {@code source} to its end; the code in the editor is still the learner's after it. */
    private void end(FxRobot robot, String source) throws Exception {
        run(robot, source);
        await(30, () -> bench.run.statusProperty().get() == Status.ENDED);
        assertEquals(source, bench.editor.getText());
        assertTrue(robot.lookup("#runReport").queryAs(TextArea.class) != null);
    }
}
