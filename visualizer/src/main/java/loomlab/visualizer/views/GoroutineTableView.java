package loomlab.visualizer.views;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.geometry.Insets;

import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;
import loomlab.visualizer.model.VisualState.Goroutine;
import loomlab.visualizer.model.VisualState.State;

/**
 * Every goroutine of the run at the moment shown: id (in its colour), name, state, wait reason,
 * how long it has been in that state, its creator, and where it is in the learner's code.
 * Selecting a row sets {@link #selectedGoroutineProperty()}, which the other views bind to; setting
 * it from another view selects the row.
 *
 * <p>The rows are the state's own immutable {@link Goroutine} records; "for" and "at" depend on the
 * moment shown as well, so their cells bind to {@link #nanos} and {@link #seq}: a frame updates
 * the visible cells only. "At" is the learner's stack at the goroutine's latest event, innermost
 * frame first (the engine records it in deterministic mode only: {@code Traced#line}).
 */
public final class GoroutineTableView extends TableView<Goroutine> {
    private static final Map<State, PseudoClass> STATE_CLASSES = new HashMap<>();

    static {
        for (State s : State.values()) {
            STATE_CLASSES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase()));
        }
    }

    /** Changed rows a frame replaces one by one; beyond this, it replaces the whole list at once. */
    private static final int MAX_ROW_UPDATES = 32;

    private final LongProperty selectedGoroutine = new SimpleLongProperty(this, "selectedGoroutine", 0);
    private final LongProperty nanos = new SimpleLongProperty(this, "nanos", 0);
    private final LongProperty seq = new SimpleLongProperty(this, "seq", 0);
    private final SourceLines sourceLines = new SourceLines();
    private RunModel run;
    /** True while the table itself changes rows or selection, so it does not echo its own change. */
    private boolean syncing;

    public GoroutineTableView() {
        setId("goroutineTable");
        getStyleClass().add("goroutine-table");
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setFixedCellSize(24);
        setPlaceholder(new Label(ViewTexts.get("table.empty")));
        getColumns().setAll(List.of(
                idColumn(),
                column(ViewTexts.get("table.name"), "name", 100, g -> g.name() == null ? "" : g.name()),
                stateColumn(),
                column(ViewTexts.get("table.waitReason"), "waitReason", 150, g -> g.waitReason() == null ? "" : g.waitReason()),
                boundColumn(ViewTexts.get("table.for"), "for", 70, g -> Bindings.createStringBinding(
                        () -> g.state() == State.DEAD ? "" : duration(nanos.get() - g.since()), nanos)),
                column(ViewTexts.get("table.creator"), "creator", 64, g -> g.creator() > 0 ? "g" + g.creator() : "—"),
                boundColumn(ViewTexts.get("table.at"), "at", 220, g -> Bindings.createStringBinding(
                        () -> sourceLines.at(g.id(), seq.get()), seq))));
        setRowFactory(_ -> new StateRow());
        getSelectionModel().selectedItemProperty().addListener((_, _, g) -> {
            if (!syncing) {
                selectedGoroutine.set(g == null ? 0 : g.id());
            }
        });
        selectedGoroutine.addListener((_, _, id) -> select(id.longValue()));
    }

    // ---------------------------------------------------------------- properties

    /** The selected goroutine's id, or 0; bind the other views' to it. */
    public LongProperty selectedGoroutineProperty() {
        return selectedGoroutine;
    }

    // ---------------------------------------------------------------- commands

    /** The run whose events give each goroutine's source line ("At"); optional. */
    public void setRun(RunModel run) {
        this.run = run;
        sourceLines.clear();
    }

    /** Shows the goroutines of {@code state}. */
    public void show(VisualState state) {
        if (run != null) {
            sourceLines.index(run);
        }
        List<Goroutine> rows = state.goroutines();
        syncing = true;
        try {
            if (updateInPlace(rows)) {
                select(selectedGoroutine.get());
            }
        } finally {
            syncing = false;
        }
        nanos.set(state.nanos());
        seq.set(state.seq());
    }

    /**
     * Makes the rows {@code rows}, touching only those that changed: the model shares unchanged
     * records between states, so a frame usually replaces a few rows (and appends new goroutines)
     * and only those cells update. Many changes, or a shorter list (a seek back), replace all.
     * Returns whether anything changed.
     */
    private boolean updateInPlace(List<Goroutine> rows) {
        javafx.collections.ObservableList<Goroutine> items = getItems();
        int common = Math.min(items.size(), rows.size());
        int changed = 0;
        for (int i = 0; i < common && changed <= MAX_ROW_UPDATES; i++) {
            if (items.get(i) != rows.get(i)) {
                changed++;
            }
        }
        if (rows.size() < items.size() || changed > MAX_ROW_UPDATES) {
            items.setAll(rows);
            return true;
        }
        boolean any = changed > 0;
        for (int i = 0; i < common && changed > 0; i++) {
            if (items.get(i) != rows.get(i)) {
                items.set(i, rows.get(i));
                changed--;
            }
        }
        if (rows.size() > common) {
            items.addAll(rows.subList(common, rows.size()));
            return true;
        }
        return any;
    }

    private void select(long id) {
        boolean wasSyncing = syncing;
        syncing = true;
        try {
            Goroutine selected = getSelectionModel().getSelectedItem();
            if (id == 0) {
                getSelectionModel().clearSelection();
                return;
            }
            if (selected != null && selected.id() == id) {
                return;
            }
            List<Goroutine> items = getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id() == id) {
                    getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
            getSelectionModel().clearSelection();
        } finally {
            syncing = wasSyncing;
        }
    }

    // ---------------------------------------------------------------- columns

    private interface Text {
        String of(Goroutine g);
    }

    private interface BoundText {
        ObservableValue<String> of(Goroutine g);
    }

    private static TableColumn<Goroutine, String> column(String title, String id, double width, Text text) {
        return boundColumn(title, id, width, g -> new ReadOnlyObjectWrapper<>(text.of(g)));
    }

    private static TableColumn<Goroutine, String> boundColumn(String title, String id, double width, BoundText text) {
        TableColumn<Goroutine, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> text.of(cell.getValue()));
        return c;
    }

    private TableColumn<Goroutine, String> stateColumn() {
        TableColumn<Goroutine, String> c = column(ViewTexts.get("table.state"), "state", 84, g -> g.state().name().toLowerCase());
        c.setCellFactory(_ -> new TableCell<>() {
            {
                getStyleClass().add("state-cell");
            }

            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setText(empty ? null : state);
            }
        });
        return c;
    }

    /** The id, on a chip in the goroutine's colour. */
    private TableColumn<Goroutine, String> idColumn() {
        TableColumn<Goroutine, String> c = column("G", "id", 54, g -> "g" + g.id());
        c.setCellFactory(_ -> new TableCell<>() {
            private final Label chip = new Label();

            {
                chip.getStyleClass().add("goroutine-chip");
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                Goroutine g = empty ? null : getTableRow().getItem();
                if (g == null) {
                    setGraphic(null);
                    return;
                }
                boolean dark = Palette.isDark(this);
                var fill = Palette.goroutine(g.id(), dark);
                chip.setText(text);
                chip.setBackground(new Background(new BackgroundFill(fill, new CornerRadii(3), Insets.EMPTY)));
                chip.setTextFill(Palette.textOn(fill));
                setGraphic(chip);
            }
        });
        return c;
    }

    /** A row with its goroutine's state as a pseudo-class ({@code :running}, {@code :waiting} …). */
    private static final class StateRow extends TableRow<Goroutine> {
        @Override
        protected void updateItem(Goroutine g, boolean empty) {
            super.updateItem(g, empty);
            for (Map.Entry<State, PseudoClass> e : STATE_CLASSES.entrySet()) {
                pseudoClassStateChanged(e.getValue(), !empty && g != null && g.state() == e.getKey());
            }
        }
    }

    /** "350 µs", "12.5 ms", "3.0 s": how long, to a person. */
    static String duration(long nanos) {
        if (nanos < 0) {
            return "";
        }
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format("%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format("%.1f ms", nanos / 1e6);
        }
        return String.format("%.1f s", nanos / 1e9);
    }

    /**
     * Each goroutine's source lines by seq, indexed once as the run grows, so that "where was g at
     * event n" is a binary search, backward as well as forward.
     */
    private static final class SourceLines {
        private final Map<Long, Lines> byGoroutine = new HashMap<>();
        private int indexed;

        void clear() {
            byGoroutine.clear();
            indexed = 0;
        }

        void index(RunModel run) {
            List<Traced> events = run.events();
            for (int i = indexed; i < events.size(); i++) {
                Traced t = events.get(i);
                if (t.line() != null && t.g() > 0) {
                    byGoroutine.computeIfAbsent(t.g(), _ -> new Lines()).add(t.seq(), t.line());
                }
            }
            indexed = events.size();
        }

        String at(long g, long seq) {
            Lines lines = byGoroutine.get(g);
            return lines == null ? "" : lines.at(seq);
        }
    }

    /** One goroutine's lines: parallel arrays, seqs ascending. */
    private static final class Lines {
        private long[] seqs = new long[8];
        private String[] texts = new String[8];
        private int n;

        void add(long seq, String line) {
            if (n > 0 && texts[n - 1].equals(line)) {
                return; // same line again: the earlier seq already says where it is
            }
            if (n == seqs.length) {
                seqs = Arrays.copyOf(seqs, n * 2);
                texts = Arrays.copyOf(texts, n * 2);
            }
            seqs[n] = seq;
            texts[n] = line;
            n++;
        }

        String at(long seq) {
            int i = Arrays.binarySearch(seqs, 0, n, seq);
            if (i < 0) {
                i = -i - 2; // the last entry before seq
            }
            return i < 0 ? "" : texts[i];
        }
    }
}
