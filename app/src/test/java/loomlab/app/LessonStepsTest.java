package loomlab.app;

import static loomlab.app.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.stage.Stage;

import loomlab.app.viewmodel.ExerciseViewModel;
import loomlab.app.viewmodel.RunEnd;
import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.engine.RunMode;
import loomlab.exercises.ExerciseCatalog;
import loomlab.lessons.Lesson;
import loomlab.lessons.LessonCatalog;
import loomlab.lessons.Step;
import loomlab.visualizer.views.PngWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every step of the real lessons in the window (the built-in catalogs), its example run to its end
 * with its own seed and GOMAXPROCS, and a screenshot of each under
 * {@code target/screenshots/lessons/<lesson>-<NN>-<step>.png} for a person to look at; lesson 1
 * also in Chinese, and presentation mode in both languages. Each run is a child JVM, as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class LessonStepsTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "lessons");
    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");

    private Workbench bench;

    @Start
    void start(Stage primary) throws Exception {
        System.setProperty("loomlab.home", Files.createTempDirectory("loomlab-lessons").toString());
        Stage own = new Stage(); // its own 1280x800 window: the primary stage is shared by every test class
        bench = new LoomLabApp().show(own, new Workbench.Options(Locale.ENGLISH, LessonCatalog.builtIn().lessons(),
                ExerciseCatalog.builtIn().exercises(), ExerciseViewModel.Grader.childJvm()));
        Fixtures.last = bench;
    }

    @Test
    void everyStepOfEveryLessonRunsToItsEndAndItsWatchNotesNameWhatTheViewsShow() throws Exception {
        List<Lesson> lessons = bench.lessons.lessons();
        assertEquals(9, lessons.size());
        List<String> shots = new ArrayList<>();
        for (Lesson lesson : lessons) {
            for (Step step : lesson.steps()) {
                shots.add(showAndRun(lesson, step, "").getFileName().toString());
            }
        }
        assertEquals(lessons.stream().mapToInt(l -> l.steps().size()).sum(), shots.size());
    }

    @Test
    void everyStepOfEveryLessonInChinese(FxRobot robot) throws Exception {
        robot.interact(() -> {
            bench.language.set("zh");
            bench.layout();
        });
        for (Lesson lesson : bench.lessons.lessons()) {
            for (Step step : lesson.steps()) {
                showAndRun(lesson, step, "-zh");
                String title = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Labeled)
                        bench.window().root().lookup(".step-title")).getText()).get();
                assertTrue(title.contains(step.title().zh()), lesson.id() + "/" + step.id() + ": " + title);
            }
        }
        assertTrue(robot.from(bench.window().root()).lookup("调度器").tryQuery().isPresent());
    }

    @Test
    void presentationModeInBothLanguagesKeepsTheStepButtonsAndTheToolsReadable(FxRobot robot) throws Exception {
        Lesson lesson = bench.lessons.lessons().get(1);
        Step step = lesson.steps().get(1);
        robot.interact(() -> bench.presentation.set(true));
        for (String language : List.of("en", "zh")) {
            robot.interact(() -> {
                bench.language.set(language);
                bench.layout();
            });
            showAndRun(lesson, step, "-presentation-" + language);
            for (String id : List.of("#previousStep", "#nextStep", "#runButton", "#stopButton")) {
                var button = (javafx.scene.control.Labeled) bench.window().root().lookup(id);
                assertFalse(button.getText().isEmpty());
                assertTrue(WaitForAsyncUtils.asyncFx(() -> button.getWidth() >= button.prefWidth(-1) - 0.5).get(),
                        id + " shows its whole label");
            }
        }
        assertFalse(bench.window().workArea().getItems().contains(bench.window().lessonsPane()),
                "the lesson list makes room");
        robot.interact(() -> bench.presentation.set(false));
        assertTrue(bench.window().workArea().getItems().contains(bench.window().lessonsPane()));
    }

    /** Opens {@code step}, runs its example (if any) to its end, checks what shows, and screenshots it. */
    private Path showAndRun(Lesson lesson, Step step, String suffix) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (step.example() != null && bench.lessons.stepProperty().get() != step) {
                // Settings a learner left behind, which the step must replace.
                bench.run.modeProperty().set(step.example() != null && step.example().mode() == RunMode.REAL
                        ? RunMode.DETERMINISTIC : RunMode.REAL);
                bench.run.clockProperty().set(loomlab.engine.ClockMode.REAL);
                bench.run.seedProperty().set(987_654);
                bench.run.procsProperty().set(7);
            }
            bench.lessons.show(lesson, step);
            bench.run.stepModeProperty().set(false);
            bench.run.speedProperty().set(0);
            if (step.predict() != null) {
                bench.lessons.chosenProperty().set(step.predict().answer());
            }
            if (step.example() != null) {
                // Opening the step set the run to the one its text describes (the workbench's doing, not this test's).
                assertEquals(step.example().mode(), bench.run.modeProperty().get());
                assertEquals(step.example().seed(), bench.run.seedProperty().get());
                assertEquals(step.example().procs(), bench.run.procsProperty().get());
                javafx.scene.control.Spinner<?> procs = (javafx.scene.control.Spinner<?>) bench.window().root().lookup("#procsSpinner");
                assertEquals(step.example().procs(), procs.getValue(), "the tool bar shows the step's GOMAXPROCS");
                if (step.example().mode() == RunMode.REAL) {
                    assertEquals(loomlab.engine.ClockMode.VIRTUAL, bench.run.clockProperty().get());
                }
                bench.runCode();
            }
        }).get();
        if (step.example() != null) {
            await(60, () -> bench.run.statusProperty().get() == Status.ENDED && bench.run.endProperty().get() != null
                    && bench.views.adapter() != null && bench.views.shown().seq() == bench.views.adapter().model().size());
            RunEnd end = bench.run.endProperty().get();
            String where = lesson.id() + "/" + step.id();
            assertEquals(step.example().expectedStatus(), end.status(), where + ": " + end);
            for (Node note : bench.window().root().lookupAll(".watch-note")) {
                assertFalse(note.getPseudoClassStates().contains(ABSENT),
                        where + ": the views show what this note names: " + ((javafx.scene.control.Label) note).getText());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        int index = lesson.steps().indexOf(step) + 1;
        Path file = SHOTS.resolve("%s-%02d-%s%s.png".formatted(lesson.id(), index, step.id(), suffix));
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> bench.stage.getScene().snapshot(null)).get(), file);
        return file;
    }
}
