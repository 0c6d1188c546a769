package loomlab.app.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

import loomlab.visualizer.views.PngWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "kit");

    static final String ENGLISH = """
            # Channels
            A **channel** connects goroutines: one *sends*, another receives, and `ch.send(v)` blocks
            until a receiver is ready. See [the Go spec](https://go.dev/ref/spec#Channel_types).

            ## What blocks when
            | Operation | Unbuffered | Buffered, full |
            |-----------|:----------:|---------------:|
            | send      | blocks     | blocks         |
            | receive   | blocks     | returns a value |

            1. Make a channel.
            2. Start a goroutine that sends.
               - it may run **before** main receives
               - or after
            3. Receive in `main`.

            ```java
            Chan<String> ch = Chan.make();   // unbuffered
            go(() -> ch.send("ping"));
            println(ch.recv());
            ```

            > A send on an unbuffered channel waits for its receiver.

            ---
                indented code block
            """;

    static final String CHINESE = """
            # 通道
            **通道**把 goroutine 连接起来：一方*发送*，另一方接收；在接收者准备好之前，
            `ch.send(v)` 会一直阻塞。

            ## 何时阻塞
            | 操作 | 无缓冲 | 有缓冲且已满 |
            |------|--------|--------------|
            | 发送 | 阻塞   | 阻塞         |
            | 接收 | 阻塞   | 立即返回     |

            - 先创建通道
            - 再启动发送的 goroutine
              1. 它可能先于 main 运行
              2. 也可能在之后

            ```java
            // 无缓冲通道：发送要等接收者
            Chan<String> ch = Chan.make();
            go(() -> ch.send("你好"));
            println(ch.recv());
            ```

            > 无缓冲通道上的发送，会等到有人接收为止。
            """;

    private MarkdownView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        view = new MarkdownView();
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        // A window of its own: TestFX's stage is shared by every test class, and keeps its size.
        Stage own = new Stage();
        own.setScene(new Scene(scroll, 560, 900));
        own.show();
        this.stage = own;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    private List<Node> render(String markdown) throws Exception {
        return fx(() -> {
            view.setMarkdown(markdown);
            return List.copyOf(view.getChildren());
        });
    }

    private static String textOf(TextFlow flow) {
        StringBuilder text = new StringBuilder();
        for (Node child : flow.getChildren()) {
            text.append(((Text) child).getText());
        }
        return text.toString();
    }

    private static List<String> classesOf(TextFlow flow, String piece) {
        for (Node child : flow.getChildren()) {
            if (((Text) child).getText().equals(piece)) {
                return List.copyOf(child.getStyleClass());
            }
        }
        throw new AssertionError("no text " + piece + " in " + textOf(flow));
    }

    @Test
    void headingsCarryTheirLevel() throws Exception {
        List<Node> nodes = render("# One\n## Two\n### Three\n#### Four");

        for (int level = 1; level <= 4; level++) {
            Node heading = nodes.get(level - 1);
            assertTrue(heading.getStyleClass().containsAll(List.of("md-heading", "md-h" + level)), heading.getStyleClass().toString());
        }
        assertEquals("Three", textOf((TextFlow) nodes.get(2)));
    }

    @Test
    void aParagraphKeepsEmphasisStrongCodeAndLinksApart() throws Exception {
        TextFlow paragraph = (TextFlow) render("Plain *soft* **bold** `code` [link **bold**](x).").getFirst();

        assertTrue(paragraph.getStyleClass().contains("md-paragraph"));
        assertEquals("Plain soft bold code link bold.", textOf(paragraph));
        assertEquals(List.of("md-text", "md-emphasis"), classesOf(paragraph, "soft"));
        assertEquals(List.of("md-text", "md-strong"), classesOf(paragraph, "bold"));
        assertEquals(List.of("md-text", "md-code"), classesOf(paragraph, "code"));
        assertEquals(List.of("md-text", "md-link"), classesOf(paragraph, "link "));
    }

    @Test
    void aLinkClickGivesItsDestination() throws Exception {
        List<String> clicked = new ArrayList<>();
        view.setOnLink(clicked::add);
        TextFlow paragraph = (TextFlow) render("[go](https://go.dev)").getFirst();

        fx(() -> {
            paragraph.getChildren().getFirst().getOnMouseClicked().handle(null);
            return null;
        });

        assertEquals(List.of("https://go.dev"), clicked);
    }

    @Test
    void aSoftBreakBetweenChineseCharactersAddsNoSpace() throws Exception {
        TextFlow paragraph = (TextFlow) render("通道把\n两端连接起来。\nThen\nEnglish.").getFirst();

        assertEquals("通道把两端连接起来。 Then English.", textOf(paragraph));
    }

    @Test
    void listsNestAndNumberFromTheirStart() throws Exception {
        VBox list = (VBox) render("3. three\n4. four\n   - inner\n").getFirst();

        assertTrue(list.getStyleClass().containsAll(List.of("md-list", "md-ordered-list")));
        HBox first = (HBox) list.getChildren().get(0);
        HBox second = (HBox) list.getChildren().get(1);
        assertEquals("3.", ((Label) first.getChildren().get(0)).getText());
        assertEquals("4.", ((Label) second.getChildren().get(0)).getText());
        VBox content = (VBox) second.getChildren().get(1);
        VBox inner = (VBox) content.getChildren().get(1);
        assertTrue(inner.getStyleClass().contains("md-bullet-list"));
        HBox innerItem = (HBox) inner.getChildren().getFirst();
        assertEquals("\u25E6", ((Label) innerItem.getChildren().get(0)).getText(), "a nested list has its own bullet");
    }

    @Test
    void fencedAndIndentedCodeBlocksKeepTheirTextAndAreSelectable() throws Exception {
        List<Node> nodes = render("```java\nint x = 1; // one\n```\n\n    indented\n    code\n");

        CodeBlock fenced = assertInstanceOf(CodeBlock.class, nodes.get(0));
        CodeBlock indented = assertInstanceOf(CodeBlock.class, nodes.get(1));
        assertTrue(fenced.getStyleClass().contains("md-code-block"));
        assertEquals("int x = 1; // one", fenced.code());
        assertEquals("indented\ncode", indented.code());
        org.fxmisc.richtext.CodeArea area = (org.fxmisc.richtext.CodeArea) fenced.getChildren().getFirst();
        assertEquals(false, area.isEditable());
        assertTrue(area.getStyleOfChar(0).contains("keyword"), "java is highlighted");
        fx(() -> {
            area.selectAll();
            return null;
        });
        assertEquals("int x = 1; // one", fx(area::getSelectedText));
    }

    @Test
    void blockQuotesTablesAndBreaks() throws Exception {
        List<Node> nodes = render("> quoted *text*\n\n---\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 | 4 |\n");

        VBox quote = (VBox) nodes.get(0);
        assertTrue(quote.getStyleClass().contains("md-block-quote"));
        assertEquals("quoted text", textOf((TextFlow) quote.getChildren().getFirst()));
        assertInstanceOf(Separator.class, nodes.get(1));
        GridPane table = (GridPane) nodes.get(2);
        assertTrue(table.getStyleClass().contains("md-table"));
        assertEquals(6, table.getChildren().size());
        TextFlow header = (TextFlow) table.getChildren().get(1);
        assertEquals("b", textOf(header));
        assertTrue(header.getStyleClass().contains("md-table-header"));
        assertEquals(javafx.scene.text.TextAlignment.RIGHT, header.getTextAlignment());
        TextFlow last = (TextFlow) table.getChildren().get(5);
        assertEquals("4", textOf(last));
        assertEquals(1, GridPane.getColumnIndex(last));
        assertEquals(2, GridPane.getRowIndex(last));
    }

    @Test
    void screenshotOfARichSampleInEnglish() throws Exception {
        screenshot(ENGLISH, "markdown-en.png");
    }

    @Test
    void screenshotOfARichSampleInChinese() throws Exception {
        screenshot(CHINESE, "markdown-zh.png");
    }

    private void screenshot(String markdown, String name) throws Exception {
        render(markdown);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        PngWriter.write(image, SCREENSHOTS.resolve(name));
        assertEquals(560, image.getWidth());
    }
}
