package loomlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import loomlab.visualizer.views.PngWriter;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the workbench window (headless under {@code ./loomlab test}) and checks its layout. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    /** Where the screenshot goes, for a person to look at after the build. */
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "main-window.png");

    private Stage stage;
    @org.junit.jupiter.api.io.TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty("loomlab.home", home.toString());
        Fixtures.open(stage, Locale.ENGLISH, null);
    }

    @Test
    void windowIsTitledLoomLabAndFitsAProjector() {
        assertEquals("LoomLab", stage.getTitle());
        assertEquals(LoomLabApp.WIDTH, stage.getScene().getWidth());
        assertEquals(LoomLabApp.HEIGHT, stage.getScene().getHeight());
    }

    @Test
    void windowHasLessonsOnTheLeftLessonStepInTheCentreAndViewsOnTheRight(FxRobot robot) {
        javafx.scene.control.SplitPane work = robot.lookup("#workArea").queryAs(javafx.scene.control.SplitPane.class);

        assertSame(work.getItems().get(0), robot.lookup("#lessonsPane").<Node>query());
        assertSame(work.getItems().get(1), robot.lookup("#centrePane").<Node>query());
        assertSame(work.getItems().get(2), robot.lookup("#viewsPane").<Node>query());
        assertTrue(robot.lookup("Lessons").tryQuery().isPresent(), "the lessons pane is labelled");
        for (String tab : new String[] {"Scheduler", "Channels", "Context tree", "Timeline"}) {
            assertTrue(robot.lookup(".tab-pane .tab-label").queryAllAs(javafx.scene.control.Label.class).stream()
                    .anyMatch(l -> l.getText().equals(tab)), "a tab " + tab);
        }
        for (String pane : new String[] {"#goroutinesPane", "#consolePane", "#goOriginal", "#editor"}) {
            assertTrue(robot.lookup(pane).tryQuery().isPresent(), pane);
        }
    }

    @Test
    void screenshotOfTheWindowIsSavedUnderTarget() throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();

        PngWriter.write(image, SCREENSHOT);

        assertEquals(LoomLabApp.WIDTH, image.getWidth());
        assertTrue(Files.size(SCREENSHOT) > 0);
    }
}
