package loomlab.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import loomlab.visualizer.views.PngWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CodeEditorTest {
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "kit", "code-editor.png");

    static final String PROGRAM = """
            import static loomlab.engine.Go.*;

            import loomlab.engine.Chan;

            /** 两个 goroutine 通过通道传球。 */
            public class PingPong {
                public static void main(String[] args) {
                    Chan<Integer> ping = Chan.make();
                    go("ponger", () -> {
                        for (Integer ball : ping) {
                            println("ball", bal + 1);   // a typo
                        }
                    });
                    ping.send(0)
                    ping.close();
                }
            }
            """;

    private CodeEditor editor;

    @Start
    void start(Stage stage) {
        editor = new CodeEditor();
        editor.setText(PROGRAM);
        // A window of its own: TestFX's stage is shared by every test class, and keeps its size.
        Stage own = new Stage();
        own.setScene(new Scene(editor, 720, 460));
        own.show();
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    /** Waits until the highlighter's result for the current text is on screen. */
    private void awaitHighlighting() throws Exception {
        int keyword = PROGRAM.indexOf("public");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> fx(() -> editor.area().getStyleOfChar(keyword + 1).contains(JavaSyntax.KEYWORD)));
    }

    /** The 1-based column where {@code text} starts on 1-based {@code line} of the program. */
    private static long column(int line, String text) {
        return PROGRAM.lines().toList().get(line - 1).indexOf(text) + 1;
    }

    private Collection<String> styleAt(String text, int plus) throws Exception {
        int at = PROGRAM.indexOf(text) + plus;
        return fx(() -> editor.area().getStyleOfChar(at));
    }

    @Test
    void textIsHighlightedOffTheFxThread() throws Exception {
        awaitHighlighting();

        assertTrue(styleAt("go(", 0).contains(JavaSyntax.GO));
        assertTrue(styleAt("\"ponger\"", 1).contains(JavaSyntax.STRING));
        assertTrue(styleAt("两个", 0).contains(JavaSyntax.COMMENT));
    }

    @Test
    void setTextIsNotAnEditToUndo() throws Exception {
        fx(() -> {
            editor.setText("class A {}");
            return null;
        });

        assertFalse(fx(() -> editor.area().isUndoAvailable()));
        assertEquals("class A {}", fx(() -> editor.textProperty().getValue()));
    }

    @Test
    void diagnosticsAndTheCurrentLineAreShownAndCanBeCleared(FxRobot robot) throws Exception {
        awaitHighlighting();
        fx(() -> {
            editor.setDiagnostics(List.of(
                    new Diagnostic(11, column(11, "bal +"), "cannot find symbol\n  symbol: variable bal", true),
                    new Diagnostic(14, column(14, "send(0)") + "send(0)".length(), "';' expected", true)));
            editor.highlightLine(10);
            return null;
        });

        assertTrue(styleAt("bal + 1", 0).contains(CodeEditor.ERROR));
        assertTrue(styleAt("bal + 1", 2).contains(CodeEditor.ERROR));
        assertFalse(styleAt("bal + 1", 3).contains(CodeEditor.ERROR));
        assertTrue(styleAt("send(0)", 6).contains(CodeEditor.ERROR), "the ')' before the missing ';'");
        assertEquals(List.of(CodeEditor.CURRENT_LINE), fx(() -> List.copyOf(editor.area().getParagraph(9).getParagraphStyle())));
        // The gutter's markers are drawn by the next layout pass: wait for it, not for a time.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> markers(robot)) == 2);
        assertEquals(2, fx(() -> markers(robot)));

        WritableImage image = fx(() -> editor.getScene().snapshot(null));
        PngWriter.write(image, SCREENSHOT);

        fx(() -> {
            editor.clearDiagnostics();
            editor.clearHighlight();
            return null;
        });
        assertFalse(styleAt("bal + 1", 0).contains(CodeEditor.ERROR));
        assertTrue(fx(() -> editor.area().getParagraph(9).getParagraphStyle().isEmpty()));
        assertEquals(0, fx(() -> robot.lookup(".diagnostic-marker").queryAll().stream().filter(Node::isVisible).count()));
    }

    private long markers(FxRobot robot) {
        return robot.lookup(".diagnostic-marker.diagnostic-error").queryAll().stream().filter(Node::isVisible).count();
    }
}
