package loomlab.app.editor;

import java.util.List;

import javafx.beans.property.StringProperty;
import javafx.scene.layout.StackPane;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** TEMPORARY stand-in for branch appkit's class; removed before merging main. */
public class CodeEditor extends StackPane {
    private final CodeArea area = new CodeArea();
    private final javafx.beans.property.SimpleStringProperty text = new javafx.beans.property.SimpleStringProperty("");
    private int highlighted = -1;
    private List<Diagnostic> diagnostics = List.of();

    public CodeEditor() {
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((_, _, t) -> text.set(t));
        text.addListener((_, _, t) -> {
            if (!t.equals(area.getText())) {
                area.replaceText(t);
            }
        });
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public String getText() {
        return area.getText();
    }

    public void setText(String t) {
        area.replaceText(t);
    }

    public StringProperty textProperty() {
        return text;
    }

    public void setDiagnostics(List<Diagnostic> d) {
        diagnostics = List.copyOf(d);
        for (Diagnostic x : d) {
            int p = (int) x.line() - 1;
            if (p >= 0 && p < area.getParagraphs().size()) {
                area.setParagraphStyle(p, List.of("error-line"));
            }
        }
    }

    public void clearDiagnostics() {
        diagnostics = List.of();
        for (int p = 0; p < area.getParagraphs().size(); p++) {
            area.setParagraphStyle(p, List.of());
        }
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public void highlightLine(int line1Based) {
        clearHighlight();
        highlighted = line1Based;
        if (line1Based >= 1 && line1Based <= area.getParagraphs().size()) {
            area.setParagraphStyle(line1Based - 1, List.of("current-line"));
            area.showParagraphInViewport(line1Based - 1);
        }
    }

    public void clearHighlight() {
        if (highlighted >= 1 && highlighted <= area.getParagraphs().size()) {
            area.setParagraphStyle(highlighted - 1, List.of());
        }
        highlighted = -1;
    }

    public void setEditable(boolean editable) {
        area.setEditable(editable);
    }

    public CodeArea area() {
        return area;
    }
}
