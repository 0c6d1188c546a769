package loomlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import loomlab.visualizer.views.PngWriter;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench window in Chinese. Its screenshot shows whether the machine has a CJK font:
 * without one (on Linux, {@code apt-get install fonts-noto-cjk}) the labels are empty boxes.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseMainWindowTest {

    private static final Path SCREENSHOT = Path.of("target", "screenshots", "main-window-zh.png");

    private Stage stage;
    @org.junit.jupiter.api.io.TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty("loomlab.home", home.toString());
        Fixtures.open(stage, Locale.SIMPLIFIED_CHINESE, null);
    }

    @Test
    void regionsAreLabelledInChinese(FxRobot robot) throws Exception {
        assertEquals("LoomLab", stage.getTitle());
        assertTrue(robot.lookup("课程").tryQuery().isPresent(), "the lessons pane is labelled 课程");
        assertTrue(robot.lookup("调度器").tryQuery().isPresent(), "the scheduler tab is labelled 调度器");

        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(), SCREENSHOT);
    }
}
