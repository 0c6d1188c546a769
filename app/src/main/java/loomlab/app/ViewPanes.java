package loomlab.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import loomlab.app.viewmodel.RunEnd;
import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.engine.events.Traced;
import loomlab.lessons.Watch;
import loomlab.visualizer.model.VisualState;

/**
 * The views' side of the window: each view in a titled pane that can be resized (split panes),
 * collapsed (its title) and maximised (the ⤢ button: it then fills the work area until pressed
 * again); the step's "what to watch" notes above them; how the run ended under the console. Also
 * what a click on a goroutine does (select it, show its line in the editor, and in a paused run
 * run it next if it can run). Made per layout, around the lasting {@link RunViews}.
 */
final class ViewPanes {
    private final Workbench bench;
    private final Texts texts;
    private final StackPane workStack;
    private final SplitPane workArea;
    private final RunViews views;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final VBox watchBox = new VBox(4);
    private final VBox endBox = new VBox(4);
    private final Label endText = new Label();
    private final FlowPane deadlocked = new FlowPane(4, 4);
    private final TextArea report = new TextArea();
    private final List<TitledPane> titled = new ArrayList<>();
    private final List<ScrollPane> scrollPanes = new ArrayList<>();
    private BorderPane maximised;

    ViewPanes(Workbench bench, Texts texts, StackPane workStack, SplitPane workArea) {
        this.bench = bench;
        this.texts = texts;
        this.workStack = workStack;
        this.workArea = workArea;
        this.views = bench.views;
    }

    void build(VBox viewsPane, SplitPane lowerArea) {
        watchBox.setId("watchNotes");
        watchBox.getStyleClass().add("watch-notes");
        watchBox.setPadding(new Insets(4, 8, 4, 8));
        SplitPane right = new SplitPane(
                pane("views.scheduler", scrolled(views.scheduler), "schedulerPane"),
                pane("views.channels", scrolled(views.channels), "channelsPane"),
                pane("views.contexts", scrolled(views.contexts), "contextsPane"),
                pane("views.goroutines", views.goroutines, "goroutinesPane"));
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.4, 0.62, 0.78);
        VBox.setVgrow(right, Priority.ALWAYS);
        viewsPane.getChildren().addAll(watchBox, right);

        buildEndBox();
        VBox console = new VBox(views.console, endBox);
        VBox.setVgrow(views.console, Priority.ALWAYS);
        lowerArea.getItems().setAll(pane("views.timeline", views.timeline, "timelinePane"),
                pane("views.console", console, "consolePane"));
        lowerArea.setDividerPositions(0.55);

        subscriptions.add(bench.run.framesProperty().subscribe(views::attach));
        subscriptions.add(bench.run.endProperty().subscribe(this::showEnd));
        subscriptions.add(views.addFrameListener(_ -> showLine()));
        subscriptions.add(views.selected.subscribe(_ -> showLine()));
        views.onGoroutineClicked(this::clicked);
    }

    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        restore();
        for (TitledPane p : titled) {
            p.setContent(null); // lets the lasting views go to the next layout
        }
        scrollPanes.forEach(s -> s.setContent(null));
        ((VBox) endBox.getParent()).getChildren().clear();
    }

    // ---------------------------------------------------------------- panes

    private TitledPane pane(String titleKey, Node content, String id) {
        TitledPane pane = new TitledPane(texts.get(titleKey), content);
        pane.setId(id);
        pane.setAnimated(false);
        pane.setMinHeight(0);
        pane.setMinWidth(0);
        Button maximise = new Button("⤢");
        maximise.getStyleClass().add("maximise-button");
        maximise.setId(id + "Maximise");
        maximise.setTooltip(new Tooltip(texts.get("views.maximise")));
        maximise.setOnAction(_ -> toggleMaximised(pane));
        pane.setGraphic(maximise);
        pane.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        // Collapsed, a pane asks for no more than its title, so the split gives the room to the others.
        pane.expandedProperty().addListener((_, _, open) -> pane.setMaxHeight(open ? Double.MAX_VALUE : Region.USE_PREF_SIZE));
        titled.add(pane);
        return pane;
    }

    private ScrollPane scrolled(Node view) {
        ScrollPane s = new ScrollPane(view);
        s.setFitToWidth(true);
        scrollPanes.add(s);
        return s;
    }

    /** Shows {@code pane}'s view alone over the whole work area, or puts it back. */
    void toggleMaximised(TitledPane pane) {
        if (maximised != null) {
            restore();
            return;
        }
        Node content = pane.getContent();
        pane.setContent(null);
        Label title = new Label(pane.getText());
        title.getStyleClass().add("pane-title");
        Button back = new Button(texts.get("views.restore"));
        back.setId("restoreView");
        back.setOnAction(_ -> restore());
        BorderPane top = new BorderPane(null, null, back, null, title);
        top.setPadding(new Insets(4, 8, 4, 8));
        maximised = new BorderPane(content, top, null, null, null);
        maximised.setId("maximisedView");
        maximised.getStyleClass().add("maximised-view");
        maximised.setUserData(pane);
        workArea.setVisible(false);
        workStack.getChildren().add(maximised);
    }

    private void restore() {
        if (maximised == null) {
            return;
        }
        TitledPane pane = (TitledPane) maximised.getUserData();
        Node content = maximised.getCenter();
        maximised.setCenter(null);
        pane.setContent(content);
        workStack.getChildren().remove(maximised);
        workArea.setVisible(true);
        maximised = null;
    }

    List<TitledPane> titledPanes() {
        return List.copyOf(titled);
    }

    // ---------------------------------------------------------------- what to watch

    /** Shows a step's notes, and outlines the channels and contexts they name. */
    void showWatch(List<Watch> notes) {
        watchBox.getChildren().clear();
        Set<String> channels = new HashSet<>();
        Set<String> contexts = new HashSet<>();
        if (!notes.isEmpty()) {
            Label title = new Label(texts.get("step.watch"));
            title.getStyleClass().add("pane-title");
            watchBox.getChildren().add(title);
        }
        for (Watch w : notes) {
            Label note = new Label("• " + w.name() + " — " + texts.of(w.note()));
            note.setWrapText(true);
            note.getStyleClass().add("watch-note");
            if (w.target() == Watch.Target.GOROUTINE) {
                note.setOnMouseClicked(_ -> selectGoroutineNamed(w.name()));
                note.getStyleClass().add("clickable");
            }
            switch (w.target()) {
                case CHANNEL -> channels.add(w.name());
                case CONTEXT -> contexts.add(w.name());
                default -> { }
            }
            watchBox.getChildren().add(note);
        }
        watchBox.setVisible(!notes.isEmpty());
        watchBox.setManaged(!notes.isEmpty());
        views.watch(channels, contexts);
    }

    private void selectGoroutineNamed(String name) {
        views.shown().goroutines().stream().filter(g -> name.equals(g.name())).findFirst()
                .ifPresent(g -> views.selected.set(g.id()));
    }

    // ---------------------------------------------------------------- goroutines and the editor

    /** A click on goroutine {@code g}: in a paused run, runs it next if it can run. */
    private void clicked(long g) {
        VisualState.Goroutine gr = views.shown().goroutine(g);
        if (bench.run.statusProperty().get() == Status.PAUSED && gr != null
                && gr.state() == VisualState.State.RUNNABLE && views.adapter() != null
                && views.adapter().followingProperty().get()) {
            bench.run.step(g);
        }
    }

    /** Highlights, in the editor, the line of the selected goroutine, else of the one that moved last. */
    private void showLine() {
        long g = views.selected.get();
        long seq = views.shown().seq();
        if (g == 0 && seq > 0 && views.adapter() != null && seq <= views.adapter().model().size()) {
            Traced last = views.adapter().model().events().get((int) seq - 1);
            g = last.g();
        }
        OptionalInt line = g == 0 ? OptionalInt.empty() : bench.run.sourceLine(g, seq);
        if (line.isPresent()) {
            bench.editor.highlightLine(line.getAsInt());
        } else {
            bench.editor.clearHighlight();
        }
    }

    // ---------------------------------------------------------------- how the run ended

    private void buildEndBox() {
        endBox.setId("runEnd");
        endBox.getStyleClass().add("run-end");
        endBox.setPadding(new Insets(4, 6, 4, 6));
        endText.setId("runEndText");
        endText.setWrapText(true);
        deadlocked.setId("deadlockedGoroutines");
        report.setId("runReport");
        report.setEditable(false);
        report.setPrefRowCount(6);
        report.getStyleClass().add("source");
        endBox.getChildren().setAll(endText, deadlocked, report);
    }

    private void showEnd(RunEnd end) {
        deadlocked.getChildren().clear();
        if (end == null) {
            endText.setText(bench.run.statusProperty().get() == Status.IDLE ? texts.get("end.none") : "");
            report.setText("");
        } else {
            endText.setText(texts.format("end." + end.kind().name(), end.status()));
            report.setText(end.report());
            for (long g : end.deadlocked()) {
                Button chip = new Button("g" + g);
                chip.setId("deadlocked-" + g);
                chip.getStyleClass().add("goroutine-chip");
                chip.setOnAction(_ -> views.selected.set(g));
                deadlocked.getChildren().add(chip);
            }
            if (!end.deadlocked().isEmpty()) {
                views.selected.set(end.deadlocked().getFirst());
            }
        }
        endText.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"),
                end != null && end.kind() != RunEnd.Kind.EXITED && end.kind() != RunEnd.Kind.STOPPED);
        boolean hasReport = !report.getText().isBlank();
        report.setVisible(hasReport);
        report.setManaged(hasReport);
        deadlocked.setVisible(!deadlocked.getChildren().isEmpty());
        deadlocked.setManaged(!deadlocked.getChildren().isEmpty());
    }
}
