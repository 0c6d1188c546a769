package loomlab.app.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Turns CommonMark blocks into JavaFX nodes, one node per block:
 * <pre>
 * Heading             TextFlow  md-heading md-h1 .. md-h6
 * Paragraph           TextFlow  md-paragraph
 * BulletList          VBox      md-list md-bullet-list, of HBox md-list-item: Label md-list-marker + VBox of blocks
 * OrderedList         VBox      md-list md-ordered-list, the same, markers "1." "2." ...
 * Fenced/Indented     CodeBlock md-code-block (a read-only code area)
 * BlockQuote          VBox      md-block-quote, of blocks
 * ThematicBreak       Separator md-thematic-break
 * TableBlock          GridPane  md-table, of TextFlow md-table-cell (+ md-table-header in the head)
 * HtmlBlock           TextFlow  md-html, the HTML as text (lessons should not need it)
 * </pre>
 * Inline content is rendered by {@link InlineRenderer}.
 */
final class BlockRenderer {
    /** Bullets by nesting depth, cycling: a nested list looks different from its parent. */
    private static final String[] BULLETS = {"\u2022", "\u25E6", "\u25AA"};

    private final Consumer<String> onLink;
    private int listDepth;

    BlockRenderer(Consumer<String> onLink) {
        this.onLink = onLink;
    }

    /** The nodes of {@code parent}'s child blocks, in order. */
    List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> nodes = new ArrayList<>();
        for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node node = block(child);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private Node block(org.commonmark.node.Node block) {
        return switch (block) {
            case Heading heading -> prose(heading, "md-heading", "md-h" + Math.clamp(heading.getLevel(), 1, 6));
            case Paragraph paragraph -> prose(paragraph, "md-paragraph");
            case BulletList list -> list(list, "md-bullet-list");
            case OrderedList list -> list(list, "md-ordered-list");
            case FencedCodeBlock code -> new CodeBlock(code.getLiteral(), code.getInfo());
            case IndentedCodeBlock code -> new CodeBlock(code.getLiteral(), "");
            case BlockQuote quote -> box(blocks(quote), "md-block-quote");
            case ThematicBreak ignored -> styled(new Separator(), "md-thematic-break");
            case TableBlock table -> table(table);
            case HtmlBlock html -> styled(new TextFlow(new javafx.scene.text.Text(html.getLiteral().strip())), "md-html");
            default -> {
                List<Node> inner = blocks(block);  // a block this renderer does not know: show its content
                yield inner.isEmpty() ? null : box(inner, "md-unknown");
            }
        };
    }

    private TextFlow prose(org.commonmark.node.Node block, String... styleClasses) {
        TextFlow flow = new TextFlow();
        flow.getChildren().setAll(new InlineRenderer(onLink).inlines(block));
        return styled(flow, styleClasses);
    }

    private Node list(ListBlock list, String kind) {
        VBox items = styled(new VBox(), "md-list", kind);
        int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
        String delimiter = list instanceof OrderedList ordered && ordered.getMarkerDelimiter() != null
                ? ordered.getMarkerDelimiter() : ".";
        String bullet = BULLETS[listDepth % BULLETS.length];
        listDepth++;
        for (org.commonmark.node.Node child = list.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListItem item) {
                String marker = list instanceof OrderedList ? (number++) + delimiter : bullet;
                items.getChildren().add(item(item, marker, list.isTight()));
            }
        }
        listDepth--;
        return items;
    }

    private Node item(ListItem item, String marker, boolean tight) {
        Label mark = styled(new Label(marker), "md-list-marker");
        mark.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        VBox content = box(blocks(item), "md-list-item-content");
        if (tight) {
            content.getStyleClass().add("md-tight");
        }
        HBox.setHgrow(content, Priority.ALWAYS);
        return styled(new HBox(mark, content), "md-list-item");
    }

    private Node table(TableBlock table) {
        GridPane grid = styled(new GridPane(), "md-table");
        int row = 0;
        int columns = 0;
        for (TableRow tableRow : descendants(table, TableRow.class)) {
            int column = 0;
            for (org.commonmark.node.Node c = tableRow.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                    TextFlow flow = prose(cell, "md-table-cell");
                    if (cell.isHeader()) {
                        flow.getStyleClass().add("md-table-header");
                    }
                    flow.setTextAlignment(switch (cell.getAlignment()) {
                        case CENTER -> javafx.scene.text.TextAlignment.CENTER;
                        case RIGHT -> javafx.scene.text.TextAlignment.RIGHT;
                        case null, default -> javafx.scene.text.TextAlignment.LEFT;
                    });
                    grid.add(flow, column++, row);
                }
            }
            columns = Math.max(columns, column);
            row++;
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(Priority.SOMETIMES);
            constraints.setHalignment(HPos.LEFT);
            constraints.setFillWidth(true);
            grid.getColumnConstraints().add(constraints);
        }
        grid.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return grid;
    }

    /** The descendants of {@code root} of {@code type}, in document order (rows sit in a head and a body). */
    private static <T> List<T> descendants(org.commonmark.node.Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (org.commonmark.node.Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            } else {
                found.addAll(descendants(child, type));
            }
        }
        return found;
    }

    private static VBox box(List<Node> children, String styleClass) {
        VBox box = new VBox();
        box.getChildren().setAll(children);
        return styled(box, styleClass);
    }

    private static <N extends Node> N styled(N node, String... styleClasses) {
        node.getStyleClass().addAll(styleClasses);
        return node;
    }
}
