package loomlab.app.markdown;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.function.Consumer;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.text.Text;

import loomlab.app.editor.MonospaceFont;

import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/**
 * Turns CommonMark inline content into {@link Text} nodes for a {@code TextFlow}. Each Text has
 * {@code md-text} and the classes of every span it sits in: {@code md-emphasis},
 * {@code md-strong}, {@code md-code}, {@code md-link} (so bold inside a link is both).
 *
 * <p>A soft line break is a space, except between two CJK characters: Chinese has no spaces
 * between words, and a line wrapped in the source must not put one into the sentence.
 */
final class InlineRenderer {
    private final Consumer<String> onLink;
    private final List<Node> texts = new ArrayList<>();
    private final SequencedSet<String> classes = new LinkedHashSet<>(List.of("md-text"));
    private String linkDestination;

    InlineRenderer(Consumer<String> onLink) {
        this.onLink = onLink;
    }

    List<Node> inlines(org.commonmark.node.Node parent) {
        children(parent);
        return texts;
    }

    private void children(org.commonmark.node.Node parent) {
        for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            inline(child);
        }
    }

    private void inline(org.commonmark.node.Node inline) {
        switch (inline) {
            case org.commonmark.node.Text text -> add(text.getLiteral());
            case Code code -> within("md-code", () -> add(code.getLiteral()));
            case Emphasis emphasis -> within("md-emphasis", () -> children(emphasis));
            case StrongEmphasis strong -> within("md-strong", () -> children(strong));
            case Link link -> {
                String outer = linkDestination;
                linkDestination = link.getDestination();
                within("md-link", () -> children(link));
                linkDestination = outer;
            }
            case Image image -> within("md-image-alt", () -> children(image));  // no images in lessons: the alt text
            case SoftLineBreak ignored -> add(softBreak(inline));
            case HardLineBreak ignored -> add("\n");
            case HtmlInline html -> add(html.getLiteral());
            default -> children(inline);
        }
    }

    private void within(String styleClass, Runnable body) {
        boolean added = classes.add(styleClass);
        body.run();
        if (added) {
            classes.remove(styleClass);
        }
    }

    private void add(String literal) {
        if (literal.isEmpty()) {
            return;
        }
        Text text = new Text(literal);
        text.getStyleClass().setAll(classes);
        if (classes.contains("md-code")) {
            text.setStyle("-fx-font-family: '" + MonospaceFont.family() + "';");
        }
        if (linkDestination != null) {
            String destination = linkDestination;
            text.setCursor(Cursor.HAND);
            text.setOnMouseClicked(event -> onLink.accept(destination));
        }
        texts.add(text);
    }

    /** A space, or nothing between two CJK characters. */
    private static String softBreak(org.commonmark.node.Node lineBreak) {
        return isCjk(lastChar(lineBreak.getPrevious())) && isCjk(firstChar(lineBreak.getNext())) ? "" : " ";
    }

    private static int lastChar(org.commonmark.node.Node node) {
        String literal = literal(node);
        return literal.isEmpty() ? -1 : literal.codePointBefore(literal.length());
    }

    private static int firstChar(org.commonmark.node.Node node) {
        String literal = literal(node);
        return literal.isEmpty() ? -1 : literal.codePointAt(0);
    }

    private static String literal(org.commonmark.node.Node node) {
        return switch (node) {
            case org.commonmark.node.Text text -> text.getLiteral();
            case Code code -> code.getLiteral();
            case null, default -> "";
        };
    }

    private static boolean isCjk(int codePoint) {
        if (codePoint < 0) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
