package loomlab.app.editor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The code editor: a RichTextFX {@link CodeArea} with line numbers, Java highlighting, compiler
 * diagnostics and the line a goroutine is on.
 *
 * <p>Highlighting. Each text change bumps {@code version} and hands the text to a background
 * thread that runs {@link JavaSyntax#highlight}; the result comes back to the FX thread and is
 * applied only if {@code version} is still the one it was computed for, so a result for text the
 * learner has since changed is dropped. Diagnostics are overlaid on the syntax styles at apply
 * time, so the two never overwrite each other.
 *
 * <p>Diagnostics are kept by line and column, not by offset: after an edit they stay on the
 * same line and column until the next compile replaces them.
 *
 * <p>All methods must be called on the FX thread.
 */
public final class CodeEditor extends StackPane {
    /** Style classes of a diagnostic's range and of the current line. */
    static final String ERROR = "diagnostic-error";
    static final String WARNING = "diagnostic-warning";
    static final String CURRENT_LINE = "current-line";

    /** One thread for every editor: highlighting is quick, and a queue keeps the order. */
    private static final ExecutorService HIGHLIGHTER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("loomlab-highlighter").daemon(true).factory());

    private final CodeArea area = new CodeArea();
    /** Diagnostics by 1-based line; what the gutter shows. Written on the FX thread. */
    private final ObjectProperty<Map<Long, List<Diagnostic>>> byLine = new SimpleObjectProperty<>(Map.of());
    private final Tooltip hover = new Tooltip();
    /** Counts text changes. Written on the FX thread. */
    private long version;
    /** The syntax styles of the current text, once computed. Written on the FX thread. */
    private StyleSpans<Collection<String>> syntax;
    /** Diagnostics in the compiler's order. Written on the FX thread. */
    private List<Diagnostic> diagnostics = List.of();
    /** The highlighted 1-based line, or 0. Written on the FX thread. */
    private int highlighted;

    public CodeEditor() {
        getStyleClass().add("code-editor");
        getStylesheets().add(CodeEditor.class.getResource("code-editor.css").toExternalForm());
        area.setStyle("-fx-font-family: '" + MonospaceFont.family() + "';");
        area.setParagraphGraphicFactory(gutter());
        area.textProperty().addListener((observable, before, after) -> textChanged(after));
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, this::showMessageAt);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> hover.hide());
        hover.getStyleClass().add("diagnostic-tooltip");
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    // ---- Text ----------------------------------------------------------------------------------

    public String getText() {
        return area.getText();
    }

    /** Replaces the text; the undo history starts afresh, so undo cannot bring back the old text. */
    public void setText(String text) {
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        if (highlighted >= 1 && highlighted <= area.getParagraphs().size()) {
            area.setParagraphStyle(highlighted - 1, List.of(CURRENT_LINE));  // replacing all text dropped it
        } else {
            highlighted = 0;
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    public void setEditable(boolean editable) {
        area.setEditable(editable);
    }

    /** The font size in points; the window scales it for a projector. */
    public void setFontSize(double points) {
        area.setStyle("-fx-font-family: '" + MonospaceFont.family() + "'; -fx-font-size: " + points + "pt;");
    }

    /** The area itself, for tests and key bindings. */
    public CodeArea area() {
        return area;
    }

    // ---- Diagnostics ---------------------------------------------------------------------------

    /** Marks each diagnostic: its range underlined, a marker in the gutter, the message on hover. */
    public void setDiagnostics(List<Diagnostic> diagnostics) {
        this.diagnostics = List.copyOf(diagnostics);
        Map<Long, List<Diagnostic>> lines = new TreeMap<>();
        for (Diagnostic d : this.diagnostics) {
            lines.computeIfAbsent(d.line(), line -> new ArrayList<>()).add(d);
        }
        byLine.set(lines);
        applyStyles();
    }

    public void clearDiagnostics() {
        setDiagnostics(List.of());
    }

    // ---- The current line ----------------------------------------------------------------------

    /** Shades {@code line} (1-based) and scrolls it into view; a line out of range clears the shade. */
    public void highlightLine(int line) {
        clearHighlight();
        if (line < 1 || line > area.getParagraphs().size()) {
            return;
        }
        highlighted = line;
        area.setParagraphStyle(line - 1, List.of(CURRENT_LINE));
        area.showParagraphInViewport(line - 1);
    }

    public void clearHighlight() {
        if (highlighted >= 1 && highlighted <= area.getParagraphs().size()) {
            area.setParagraphStyle(highlighted - 1, List.of());
        }
        highlighted = 0;
    }

    /** The highlighted 1-based line, or 0 if none. */
    public int highlightedLine() {
        return highlighted;
    }

    // ---- Highlighting, off the FX thread -------------------------------------------------------

    private void textChanged(String text) {
        long expected = ++version;
        syntax = null;
        CompletableFuture.supplyAsync(() -> JavaSyntax.highlight(text), HIGHLIGHTER)
                .thenAccept(spans -> Platform.runLater(() -> {
                    if (version == expected) {  // else the text changed meanwhile: a newer result is coming
                        syntax = spans;
                        applyStyles();
                    }
                }));
    }

    /** Applies syntax and diagnostic styles together; without syntax yet, only diagnostics. */
    private void applyStyles() {
        String text = area.getText();
        StyleSpans<Collection<String>> marks = DiagnosticRanges.spans(text, diagnostics);
        StyleSpans<Collection<String>> styles = syntax == null ? marks : syntax.overlay(marks, CodeEditor::union);
        area.setStyleSpans(0, styles);
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    // ---- Gutter and hover ----------------------------------------------------------------------

    /** Each line's graphic: a diagnostic marker (shown when the line has one) and the line number. */
    private IntFunction<Node> gutter() {
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        return paragraph -> {
            long line = paragraph + 1L;
            // Bindings, not listeners: byLine holds them weakly, so a discarded graphic is collected.
            Region error = marker(ERROR, Bindings.createBooleanBinding(() -> has(line, true), byLine));
            Region warning = marker(WARNING, Bindings.createBooleanBinding(
                    () -> has(line, false) && !has(line, true), byLine));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(Bindings.createStringBinding(() -> messages(line), byLine));
            StackPane markers = new StackPane(error, warning);
            Tooltip.install(markers, tip);
            HBox box = new HBox(markers, numbers.apply(paragraph));
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("gutter");
            return box;
        };
    }

    private static Region marker(String kind, ObservableValue<Boolean> shown) {
        Region marker = new Region();
        marker.getStyleClass().addAll("diagnostic-marker", kind);
        marker.visibleProperty().bind(shown);
        return marker;
    }

    private boolean has(long line, boolean error) {
        return byLine.get().getOrDefault(line, List.of()).stream().anyMatch(d -> d.error() == error);
    }

    private String messages(long line) {
        List<Diagnostic> onLine = byLine.get().get(line);
        return onLine == null ? "" : String.join("\n", onLine.stream().map(Diagnostic::message).toList());
    }

    private void showMessageAt(MouseOverTextEvent event) {
        Optional<Diagnostic> under = DiagnosticRanges.at(area.getText(), diagnostics, event.getCharacterIndex());
        if (under.isPresent()) {
            hover.setText(under.get().message());
            hover.show(area, event.getScreenPosition().getX(), event.getScreenPosition().getY() + 16);
        }
    }
}
