package loomlab.app;

import static loomlab.app.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import javafx.stage.Stage;

import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.visualizer.views.PngWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dark theme (View → Dark theme) reaches the views; a screenshot after a run, for a person to look at. */
@ExtendWith(ApplicationExtension.class)
class DarkThemeTest {
    private Workbench bench;

    @Start
    void start(Stage primary) {
        Stage own = new Stage(); // its own window: the primary stage is shared by every test class
        bench = Fixtures.open(own, Locale.ENGLISH, null);
    }

    @Test
    void theDarkThemeColoursTheViewsAfterARun(FxRobot robot) throws Exception {
        robot.interact(() -> bench.dark.set(true));
        robot.interact(bench::runCode);
        await(() -> bench.run.statusProperty().get() == Status.ENDED);

        assertTrue(bench.views.scheduler.getScene().getRoot().lookupAll(".dark").size()
                + (bench.views.scheduler.getScene().getRoot().getStyleClass().contains("dark") ? 1 : 0) > 0,
                "the dark style class is set");
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> bench.stage.getScene().snapshot(null)).get(),
                Path.of("target", "screenshots", "main-window-dark.png"));
    }
}
