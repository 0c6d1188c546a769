package loomlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What outlives the window: settings, progress and the learner's code survive closing and opening
 * the workbench again; a settings or progress file it cannot read is set aside byte for byte and
 * the learner told which; a saved run that is no run is only read, never moved. Each test has a
 * LoomLab home of its own and opens each workbench in a window of its own.
 */
@ExtendWith(ApplicationExtension.class)
class PersistenceTest {
    @TempDir
    Path home;
    private Workbench bench;

    @BeforeEach
    void useThisHome() {
        System.setProperty("loomlab.home", home.toString());
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        if (bench != null) {
            Workbench closing = bench;
            fx(() -> {
                closing.close();
                closing.stage.close();
                return null;
            });
        }
    }

    @Test
    void settingsAndProgressSurviveClosingAndOpeningAgain() throws Exception {
        bench = open();
        fx(() -> {
            bench.language.set("zh");
            bench.run.seedProperty().set(42);
            bench.run.procsProperty().set(3);
            bench.run.modeProperty().set(RunMode.REAL);
            bench.run.clockProperty().set(ClockMode.REAL);
            bench.run.speedProperty().set(7);
            bench.lessons.runEnded(List.of("hello", "bye")); // the first step's run ended: done
            bench.lessons.next(); // the recap: done on sight
            bench.exercises.select("ping");
            bench.exercises.grade(home.resolve("Ping.java"), Locale.ENGLISH, home); // the fixture grades 50%
            return null;
        });
        Fixtures.await(() -> bench.exercises.bestScore(Fixtures.EXERCISE) == 0.5);
        fx(() -> {
            bench.lessons.select(Fixtures.LESSON.id(), "recap");
            bench.presentation.set(true);
            bench.dark.set(true);
            Presentation.zoom(bench, +1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        reopen();

        assertEquals("zh", bench.language.get());
        assertEquals(42, bench.run.seedProperty().get());
        assertEquals(3, bench.run.procsProperty().get());
        assertEquals(RunMode.REAL, bench.run.modeProperty().get());
        assertEquals(ClockMode.REAL, bench.run.clockProperty().get());
        assertEquals(7, bench.run.speedProperty().get());
        assertEquals("recap", bench.lessons.stepProperty().get().id(), "the last step is on show again");
        assertTrue(bench.presentation.get());
        assertTrue(bench.dark.get(), "the dark theme is kept");
        assertEquals(1.5, bench.fontScale.get(), 1e-9, "presentation's 1.4, one step up");
        assertTrue(bench.lessons.isDone(Fixtures.LESSON, Fixtures.LESSON.steps().get(0)));
        assertTrue(bench.lessons.isDone(Fixtures.LESSON, Fixtures.LESSON.steps().get(1)));
        assertEquals(0.5, bench.exercises.bestScore(Fixtures.EXERCISE));
        assertTrue(text("#noticeLabel").isEmpty(), "nothing to tell: " + text("#noticeLabel"));

        fx(() -> bench.exercises.select("ping"));
        reopen();
        assertEquals("ping", bench.exercises.exerciseProperty().get().id(), "the last exercise is on show again");
    }

    @Test
    void theLearnersEditedCodeSurvivesClosingAndOpeningAgain() throws Exception {
        bench = open();
        String edited = Fixtures.HELLO.replace("\"bye\"", "\"see you\"");
        fx(() -> {
            bench.editor.setText(edited);
            return null;
        });
        reopen();

        assertEquals("Hello", bench.document.get().className());
        assertEquals(edited, fx(bench.editor::getText));
    }

    @Test
    void aCorruptSettingsFileIsSetAsideWithItsBytesAndTheLearnerToldWhere() throws Exception {
        byte[] corrupt = "loomlab-settings 1\nseed=forty-two\n\u0000\u0001 not the end".getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("settings.txt"), corrupt);

        bench = open();

        Path setAside = onlyFileStartingWith("settings.txt.corrupt-");
        assertArrayEquals(corrupt, Files.readAllBytes(setAside), "moved aside byte for byte");
        String notice = text("#noticeLabel");
        assertTrue(notice.contains(home.resolve("settings.txt").toString()) && notice.contains(setAside.toString()),
                "the notice names the file and where it went: " + notice);
        assertEquals(1, bench.run.seedProperty().get(), "defaults are used");
        loomlab.visualizer.views.PngWriter.write(fx(() -> bench.stage.getScene().snapshot(null)),
                Path.of("target", "screenshots", "corrupt-settings-notice.png"));
        assertEquals("Hello", bench.document.get().className(), "and the window works");
    }

    @Test
    void aCorruptProgressFileIsSetAsideWithItsBytesAndTheLearnerToldWhere() throws Exception {
        byte[] corrupt = {(byte) 0xFF, (byte) 0xFE, 'p', 'r', 'o', 'g', 0, 0, 7};
        Files.write(home.resolve("progress.txt"), corrupt);

        bench = open();

        Path setAside = onlyFileStartingWith("progress.txt.corrupt-");
        assertArrayEquals(corrupt, Files.readAllBytes(setAside));
        String notice = text("#noticeLabel");
        assertTrue(notice.contains(home.resolve("progress.txt").toString()) && notice.contains(setAside.toString()),
                notice);
        assertFalse(bench.lessons.isDone(Fixtures.LESSON, Fixtures.LESSON.steps().getFirst()), "no progress yet");
    }

    @Test
    void aSavedRunThatIsNoRunIsOnlyReadAndTheRunOnShowStays() throws Exception {
        bench = open();
        fx(() -> {
            bench.runCode();
            return null;
        });
        Fixtures.await(() -> bench.run.statusProperty().get() == Status.ENDED);
        var shown = bench.run.framesProperty().get();
        byte[] junk = "PK\u0003\u0004 a zip file, not a run".getBytes(StandardCharsets.UTF_8);
        Path chosen = Files.write(home.resolve("homework.run"), junk);

        fx(() -> {
            bench.run.openRun(chosen);
            return null;
        });
        Fixtures.await(() -> bench.run.noticeProperty().get() != null
                && bench.run.noticeProperty().get().key().equals("notice.runUnreadable"));

        assertTrue(text("#noticeLabel").contains("homework.run is not a LoomLab run"), text("#noticeLabel"));
        assertSame(shown, bench.run.framesProperty().get(), "the run on show stays");
        assertEquals(List.of("hello", "bye"), bench.run.outputLines());
        assertArrayEquals(junk, Files.readAllBytes(chosen), "the learner's file is where it was, as it was");
    }

    // ---------------------------------------------------------------- helpers

    /** A workbench on the fixtures, in a window of its own, on this test's home. */
    private Workbench open() throws Exception {
        Workbench opened = fx(() -> new LoomLabApp().show(new Stage(), new Workbench.Options(null,
                List.of(Fixtures.LESSON), List.of(Fixtures.EXERCISE), Fixtures.grader(home.resolve("failing.run")))));
        Fixtures.last = opened;
        WaitForAsyncUtils.waitForFxEvents();
        return opened;
    }

    /** Closes the workbench as the window's close does, and opens another on the same home. */
    private void reopen() throws Exception {
        Workbench closing = bench;
        fx(() -> {
            closing.close();
            closing.stage.close();
            return null;
        });
        bench = open();
    }

    private String text(String id) throws Exception {
        return fx(() -> ((Label) bench.window().root().lookup(id)).getText());
    }

    private Path onlyFileStartingWith(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), "set aside as " + prefix + "*: " + found);
            return found.getFirst();
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
