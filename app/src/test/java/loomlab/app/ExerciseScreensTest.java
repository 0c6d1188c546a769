package loomlab.app;

import static loomlab.app.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.stage.Stage;

import loomlab.app.viewmodel.ExerciseViewModel;
import loomlab.exercises.CheckResult;
import loomlab.exercises.Exercise;
import loomlab.exercises.ExerciseCatalog;
import loomlab.exercises.GradeReport;
import loomlab.lessons.LessonCatalog;
import loomlab.visualizer.views.PngWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real exercises in the window: each one's statement and first hint, screenshotted under
 * {@code target/screenshots/exercises/}; and one graded for real, in a child JVM, as a learner
 * grades it (the starter: some checks fail, each with a seed, a hint and a run to replay).
 */
@ExtendWith(ApplicationExtension.class)
class ExerciseScreensTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "exercises");

    private Workbench bench;

    @Start
    void start(Stage primary) throws Exception {
        System.setProperty("loomlab.home", Files.createTempDirectory("loomlab-exercises").toString());
        Stage own = new Stage(); // its own 1280x800 window: the primary stage is shared by every test class
        bench = new LoomLabApp().show(own, new Workbench.Options(Locale.ENGLISH, LessonCatalog.builtIn().lessons(),
                ExerciseCatalog.builtIn().exercises(), ExerciseViewModel.Grader.childJvm()));
        Fixtures.last = bench;
    }

    @Test
    void everyExerciseShowsItsStatementAndAHintInBothLanguages(FxRobot robot) throws Exception {
        List<Exercise> all = bench.exercises.exercises();
        assertEquals(8, all.size());
        for (String language : List.of("en", "zh")) {
            robot.interact(() -> {
                bench.language.set(language);
                bench.layout();
            });
            for (Exercise e : all) {
                robot.interact(() -> {
                    bench.exercises.show(e);
                    bench.exercises.revealHint();
                });
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(e.className(), bench.document.get().className());
                assertEquals(e.starter(), bench.editor.getText(), e.id() + ": the starter is in the editor");
                shot(e.order() + "-" + e.id() + "-" + language);
            }
        }
    }

    @Test
    void gradingTheStarterInTheWorkbenchFailsSomeChecksWithSeedsHintsAndRunsToReplay(FxRobot robot)
            throws Exception {
        Exercise pool = bench.exercises.exercises().getFirst();
        robot.interact(() -> bench.exercises.show(pool));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(bench::grade);
        await(120, () -> bench.exercises.gradingProperty().get() == ExerciseViewModel.Grading.GRADED
                || bench.exercises.gradingProperty().get() == ExerciseViewModel.Grading.FAILED);
        assertEquals(ExerciseViewModel.Grading.GRADED, bench.exercises.gradingProperty().get(),
                String.valueOf(bench.exercises.noticeProperty().get()));

        GradeReport report = bench.exercises.reportProperty().get();
        assertEquals(pool.id(), report.exercise());
        assertTrue(report.score() > 0 && report.score() < 1, "partial credit: " + report.score());
        CheckResult failed = report.checks().stream().filter(c -> !c.passed()).findFirst().orElseThrow();
        assertTrue(failed.seed() >= 1, "the failing schedule is named");
        assertTrue(failed.message().en().contains("seed " + failed.seed()), failed.message().en());
        assertNotNull(failed.failingRun(), "the failing run is saved");
        assertTrue(Files.isRegularFile(failed.failingRun()));
        assertEquals(report.score(), bench.exercises.bestScore(pool), "progress keeps the score");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane step = (javafx.scene.control.ScrollPane) bench.window().root().lookup("#stepScroll");
        assertTrue(step.getVvalue() > 0, "the step pane scrolled down to the results");
        shot("graded-" + pool.id());

        robot.interact(() -> robot.lookup("#replay-" + failed.id()).queryButton().fire());
        await(30, () -> bench.run.noticeProperty().get() != null
                && bench.run.noticeProperty().get().key().equals("notice.runOpened"));
        assertTrue(bench.views.adapter().model().size() > 0, "the failing run is in the views");
        shot("replayed-" + pool.id());
    }

    private void shot(String name) throws Exception {
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> bench.stage.getScene().snapshot(null)).get(),
                SHOTS.resolve(name + ".png"));
    }
}
