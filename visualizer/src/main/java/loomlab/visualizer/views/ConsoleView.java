package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import loomlab.engine.events.Event;
import loomlab.visualizer.model.VisualState;

/**
 * The run's output, one row per line, each tagged with the colour and id of the goroutine that
 * printed it. Keeps the last {@link #MAX_LINES} lines and says how many earlier ones it dropped,
 * so a program that prints 100,000 lines leaves the console as quick as one that prints ten.
 *
 * <p>A frame that only adds lines appends them (and drops as many from the head as it must); only a
 * jump back in the run rebuilds the list. FX thread only.
 */
public final class ConsoleView extends VBox {
    /** Lines kept; earlier ones are counted, not shown. */
    public static final int MAX_LINES = 10_000;

    private static final PseudoClass SELECTED_GOROUTINE = PseudoClass.getPseudoClass("selected-goroutine");
    private static final CornerRadii TAG_RADII = new CornerRadii(3);
    /** Tag width: {@code g1234} fits, and the text of every line starts in one column. */
    private static final double TAG_WIDTH = 52;

    private final Label dropped = new Label();
    private final ObservableList<Event.Output> lines = FXCollections.observableArrayList();
    private final ListView<Event.Output> list = new ListView<>(lines);
    private final LongProperty selectedGoroutine = new SimpleLongProperty(this, "selectedGoroutine", 0);
    /** Tag backgrounds by goroutine and theme, so a cell's update allocates nothing. */
    private final Map<Long, Background> tagFills = new HashMap<>();
    private boolean darkFills;

    /** What the list shows: how many lines the run had printed, the first one kept, the last. */
    private int shownCount;
    private int shownFirst;
    private Event.Output shownLast;

    public ConsoleView() {
        getStyleClass().add("console");
        setId("console");
        dropped.getStyleClass().add("console-dropped");
        dropped.setId("consoleDropped");
        dropped.setMaxWidth(Double.MAX_VALUE);
        dropped.setVisible(false);
        dropped.setManaged(false);
        list.setId("consoleList");
        list.getStyleClass().add("console-list");
        list.setFixedCellSize(22);
        list.setCellFactory(_ -> new LineCell());
        list.setPlaceholder(new Label(ViewTexts.get("console.empty")));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(dropped, list);
        selectedGoroutine.addListener((_, _, _) -> list.refresh());
        sceneProperty().addListener((_, _, _) -> tagFills.clear());
    }

    // ---------------------------------------------------------------- properties

    /** The goroutine whose lines are highlighted, or 0; bind it to the other views'. */
    public LongProperty selectedGoroutineProperty() {
        return selectedGoroutine;
    }

    /** The lines shown, oldest first (at most {@link #MAX_LINES}). */
    public ObservableList<Event.Output> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    /** How many earlier lines are not shown. */
    public int droppedLines() {
        return shownFirst;
    }

    // ---------------------------------------------------------------- commands

    /** Shows the output of {@code state}. */
    public void show(VisualState state) {
        List<Event.Output> output = state.output();
        int count = output.size();
        int first = Math.max(0, count - MAX_LINES);
        boolean grows = count >= shownCount && shownCount > 0 && output.get(shownCount - 1) == shownLast;
        if (count == shownCount && (count == 0 || grows)) {
            return;
        }
        if (grows && count - shownCount < MAX_LINES) {
            lines.addAll(output.subList(shownCount, count));
            int excess = lines.size() - MAX_LINES;
            if (excess > 0) {
                lines.remove(0, excess);
            }
        } else {
            lines.setAll(new ArrayList<>(output.subList(first, count)));
        }
        boolean atEnd = shownCount == 0 || count > shownCount;
        shownCount = count;
        shownFirst = first;
        shownLast = count == 0 ? null : output.get(count - 1);
        updateDropped();
        if (atEnd && !lines.isEmpty()) {
            list.scrollTo(lines.size() - 1);
        }
    }

    private void updateDropped() {
        boolean any = shownFirst > 0;
        dropped.setVisible(any);
        dropped.setManaged(any);
        if (any) {
            dropped.setText(ViewTexts.get("console.dropped", shownFirst, MAX_LINES));
        }
    }

    private Background tagFill(long g) {
        boolean dark = Palette.isDark(this);
        if (dark != darkFills) {
            tagFills.clear();
            darkFills = dark;
        }
        return tagFills.computeIfAbsent(g, id -> new Background(
                new BackgroundFill(Palette.goroutine(id, dark), TAG_RADII, Insets.EMPTY)));
    }

    /** A line: a coloured {@code g7} tag, then the text. */
    private final class LineCell extends ListCell<Event.Output> {
        private final Label tag = new Label();

        LineCell() {
            getStyleClass().add("console-line");
            tag.getStyleClass().add("console-tag");
            tag.setMinWidth(TAG_WIDTH);
        }

        @Override
        protected void updateItem(Event.Output line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                pseudoClassStateChanged(SELECTED_GOROUTINE, false);
                return;
            }
            long g = line.g();
            tag.setText(g > 0 ? "g" + g : "rt");
            tag.setBackground(tagFill(g));
            tag.setTextFill(Palette.textOn(Palette.goroutine(g, darkFills)));
            setGraphic(tag);
            setText(line.text());
            pseudoClassStateChanged(SELECTED_GOROUTINE, g != 0 && g == selectedGoroutine.get());
        }
    }
}
