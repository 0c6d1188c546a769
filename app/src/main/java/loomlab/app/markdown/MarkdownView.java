package loomlab.app.markdown;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.scene.layout.VBox;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Markdown shown as JavaFX nodes: CommonMark with GFM tables, for lesson texts.
 *
 * <p>Prose is {@code TextFlow}s that wrap to the view's width; code blocks are read-only code
 * areas, monospaced, shaded, selectable, Java highlighted. Every node carries a style class
 * ({@code md-h1}..{@code md-h6}, {@code md-paragraph}, {@code md-code-block}, {@code md-table}...)
 * styled by {@code markdown.css}. See {@link BlockRenderer} for the mapping.
 *
 * <p>Put it in a {@code ScrollPane} with {@code fitToWidth}: it is as tall as its content.
 * Call it on the FX thread.
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private Consumer<String> onLink = destination -> { };
    private String markdown = "";

    public MarkdownView() {
        getStyleClass().add("markdown-view");
        getStylesheets().add(MarkdownView.class.getResource("markdown.css").toExternalForm());
    }

    /** Replaces what the view shows. */
    public void setMarkdown(String markdown) {
        this.markdown = Objects.requireNonNull(markdown, "markdown");
        getChildren().setAll(new BlockRenderer(destination -> onLink.accept(destination)).blocks(PARSER.parse(markdown)));
    }

    public String getMarkdown() {
        return markdown;
    }

    /** What a click on a link does; it gets the link's destination. By default nothing. */
    public void setOnLink(Consumer<String> onLink) {
        this.onLink = Objects.requireNonNull(onLink, "onLink");
    }
}
