package loomlab.app.markdown;

import java.util.Locale;

import javafx.scene.layout.StackPane;

import loomlab.app.editor.JavaSyntax;
import loomlab.app.editor.MonospaceFont;
import org.fxmisc.richtext.CodeArea;

/**
 * A code block of a lesson: monospaced, shaded, selectable and copyable, not editable; Java
 * (or a block without a language) is highlighted like the editor. As tall as its lines; long
 * lines wrap, since a lesson pane is narrow and a hidden line end would hide the point.
 */
final class CodeBlock extends StackPane {
    private final CodeArea area = new CodeArea();
    private final String code;

    CodeBlock(String literal, String info) {
        code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        getStyleClass().add("md-code-block");
        area.getStyleClass().add("md-code-area");
        area.setStyle("-fx-font-family: '" + MonospaceFont.family() + "';");
        area.replaceText(code);
        area.setEditable(false);
        area.setWrapText(true);
        area.setAutoHeight(true);
        String language = info == null ? "" : info.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if ((language.isEmpty() || language.equals("java")) && !code.isEmpty()) {
            area.setStyleSpans(0, JavaSyntax.highlight(code));
        }
        getChildren().add(area);
    }

    /** The code as the block shows it. */
    String code() {
        return code;
    }
}
