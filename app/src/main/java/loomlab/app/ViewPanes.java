package loomlab.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
 * The views' side of the window. At 1280x800 a column of four stacked views leaves each two or
 * three lines, so the views that draw pictures (scheduler, channels, context tree, timeline) share
 * one place as tabs, above the goroutine table, which a learner reads beside whichever picture is
 * on show; the console with how the run ended sits under the code. Every place can be resized
 * (split panes) and maximised (the ⤢ button: the view then fills the work area until pressed
 * again); the goroutine table and the console also collapse to their titles. The step's "what to
 * watch" notes head the column: a click on one brings its view forward and outlines or selects
 * what it names; a note whose object the run on show does not have is greyed. Also what a click
 * on a goroutine does (select it, show its line in the editor, and in a paused run run it next if
 * it can run). Made per layout, around the lasting {@link RunViews}.
 */
final class ViewPanes {
    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");

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
    private final TabPane tabs = new TabPane();
    private final Tab schedulerTab;
    private final Tab channelsTab;
    private final Tab contextsTab;
    private final Tab timelineTab;
    private final List<TitledPane> titled = new ArrayList<>();
    private final List<ScrollPane> scrollPanes = new ArrayList<>();
    /** The notes on show, each with what it names. */
    private final List<Map.Entry<Label, Watch>> notes = new ArrayList<>();
    private BorderPane maximised;
    /** Puts the maximised view back where it came from. */
    private Runnable putBack;

    ViewPanes(Workbench bench, Texts texts, StackPane workStack, SplitPane workArea) {
        this.bench = bench;
        this.texts = texts;
        this.workStack = workStack;
        this.workArea = workArea;
        this.views = bench.views;
        schedulerTab = tab("views.scheduler", scrolled(views.scheduler), "schedulerPane");
        channelsTab = tab("views.channels", scrolled(views.channels), "channelsPane");
        contextsTab = tab("views.contexts", scrolled(views.contexts), "contextsPane");
        timelineTab = tab("views.timeline", views.timeline, "timelinePane");
    }

    void build(VBox viewsPane, VBox consoleHost) {
        watchBox.setId("watchNotes");
        watchBox.getStyleClass().add("watch-notes");
        watchBox.setPadding(new Insets(4, 8, 4, 8));
        watchBox.setMinHeight(Region.USE_PREF_SIZE);
        tabs.setId("viewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(schedulerTab, channelsTab, contextsTab, timelineTab);
        Button maximise = maximiseButton("viewTabsMaximise", () -> {
            Tab tab = tabs.getSelectionModel().getSelectedItem();
            maximise(tab.getText(), tab.getContent(), tab::setContent);
        });
        StackPane.setAlignment(maximise, Pos.TOP_RIGHT);
        StackPane.setMargin(maximise, new Insets(4, 6, 0, 0));
        StackPane tabbed = new StackPane(tabs, maximise);
        tabbed.setMinHeight(0);
        SplitPane column = new SplitPane(tabbed, pane("views.goroutines", views.goroutines, "goroutinesPane"));
        column.setId("viewColumn");
        column.setOrientation(Orientation.VERTICAL);
        column.setDividerPositions(0.64);
        VBox.setVgrow(column, Priority.ALWAYS);
        viewsPane.getChildren().setAll(watchBox, column);

        buildEndBox();
        VBox console = new VBox(views.console, endBox);
        VBox.setVgrow(views.console, Priority.ALWAYS);
        TitledPane consolePane = pane("views.console", console, "consolePane");
        consolePane.setMaxHeight(Double.MAX_VALUE);
        VBox.setVgrow(consolePane, Priority.ALWAYS);
        consoleHost.getChildren().setAll(consolePane);

        subscriptions.add(bench.run.framesProperty().subscribe(views::attach));
        subscriptions.add(bench.run.endProperty().subscribe(this::showEnd));
        subscriptions.add(views.addFrameListener(_ -> showLine()));
        subscriptions.add(views.addFrameListener(this::markAbsent));
        subscriptions.add(views.selected.subscribe(_ -> showLine()));
        views.onGoroutineClicked(this::clicked);
    }

    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        restore();
        for (TitledPane p : titled) {
            p.setContent(null); // lets the lasting views go to the next layout
        }
        tabs.getTabs().forEach(t -> t.setContent(null));
        scrollPanes.forEach(s -> s.setContent(null));
        ((VBox) endBox.getParent()).getChildren().clear();
    }

    // ---------------------------------------------------------------- panes

    private Tab tab(String titleKey, Node content, String id) {
        content.setId(id);
        Tab tab = new Tab(texts.get(titleKey), content);
        tab.setId(id + "Tab");
        return tab;
    }

    private TitledPane pane(String titleKey, Node content, String id) {
        TitledPane pane = new TitledPane(texts.get(titleKey), content);
        pane.setId(id);
        pane.setAnimated(false);
        pane.setMinHeight(0);
        pane.setMinWidth(0);
        pane.setGraphic(maximiseButton(id + "Maximise", () -> maximise(pane.getText(), pane.getContent(),
                pane::setContent)));
        pane.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        // Collapsed, a pane asks for no more than its title, so the split gives the room to the others.
        pane.expandedProperty().addListener((_, _, open) -> pane.setMaxHeight(open ? Double.MAX_VALUE : Region.USE_PREF_SIZE));
        titled.add(pane);
        return pane;
    }

    private Button maximiseButton(String id, Runnable action) {
        Button maximise = new Button("⤢");
        maximise.getStyleClass().add("maximise-button");
        maximise.setId(id);
        maximise.setTooltip(new Tooltip(texts.get("views.maximise")));
        maximise.setOnAction(_ -> {
            if (maximised != null) {
                restore();
            } else {
                action.run();
            }
        });
        return maximise;
    }

    private ScrollPane scrolled(Node view) {
        ScrollPane s = new ScrollPane(view);
        s.setFitToWidth(true);
        scrollPanes.add(s);
        return s;
    }

    /** Shows {@code content} alone over the whole work area, until {@link #restore()} gives it back. */
    private void maximise(String title, Node content, java.util.function.Consumer<Node> home) {
        home.accept(null);
        Label heading = new Label(title);
        heading.getStyleClass().add("pane-title");
        Button back = new Button(texts.get("views.restore"));
        back.setId("restoreView");
        back.setOnAction(_ -> restore());
        BorderPane top = new BorderPane(null, null, back, null, heading);
        top.setPadding(new Insets(4, 8, 4, 8));
        maximised = new BorderPane(content, top, null, null, null);
        maximised.setId("maximisedView");
        maximised.getStyleClass().add("maximised-view");
        putBack = () -> home.accept(content);
        workArea.setVisible(false);
        workStack.getChildren().add(maximised);
    }

    private void restore() {
        if (maximised == null) {
            return;
        }
        maximised.setCenter(null);
        putBack.run();
        workStack.getChildren().remove(maximised);
        workArea.setVisible(true);
        maximised = null;
        putBack = null;
    }

    List<TitledPane> titledPanes() {
        return List.copyOf(titled);
    }

    /** The tab on show among the picture views. */
    Tab selectedTab() {
        return tabs.getSelectionModel().getSelectedItem();
    }

    /** Brings a picture view forward: "scheduler", "channels", "contexts" or "timeline". */
    void bringForward(String view) {
        tabs.getSelectionModel().select(switch (view) {
            case "channels" -> channelsTab;
            case "contexts" -> contextsTab;
            case "timeline" -> timelineTab;
            default -> schedulerTab;
        });
    }

    // ---------------------------------------------------------------- what to watch

    /**
     * Shows a step's notes, and outlines the channels and contexts they name; the view of the
     * first note that names a channel or a context comes forward.
     */
    void showWatch(List<Watch> watch) {
        watchBox.getChildren().clear();
        notes.clear();
        Set<String> channels = new HashSet<>();
        Set<String> contexts = new HashSet<>();
        if (!watch.isEmpty()) {
            Label title = new Label(texts.get("step.watch"));
            title.getStyleClass().add("pane-title");
            watchBox.getChildren().add(title);
        }
        for (Watch w : watch) {
            String name = w.name().isBlank() && w.target() == Watch.Target.CONSOLE ? texts.get("views.console") : w.name();
            Label note = new Label("• " + name + " — " + texts.of(w.note()));
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE); // all its lines, never an ellipsis
            note.getStyleClass().addAll("watch-note", "clickable");
            note.setId("watch-" + w.name());
            note.setOnMouseClicked(_ -> follow(w));
            switch (w.target()) {
                case CHANNEL -> channels.add(w.name());
                case CONTEXT -> contexts.add(w.name());
                default -> { }
            }
            notes.add(Map.entry(note, w));
            watchBox.getChildren().add(note);
        }
        watchBox.setVisible(!watch.isEmpty());
        watchBox.setManaged(!watch.isEmpty());
        views.watch(channels, contexts);
        watch.stream().filter(w -> w.target() == Watch.Target.CHANNEL || w.target() == Watch.Target.CONTEXT)
                .findFirst().ifPresentOrElse(this::bringForwardFor, () -> bringForward("scheduler"));
        markAbsent(views.shown());
    }

    /** A click on a note: its view comes forward; a goroutine is selected in every view. */
    private void follow(Watch w) {
        bringForwardFor(w);
        if (w.target() == Watch.Target.GOROUTINE) {
            views.shown().goroutines().stream().filter(g -> w.name().equals(g.name())).findFirst()
                    .ifPresent(g -> views.selected.set(g.id()));
        }
    }

    private void bringForwardFor(Watch w) {
        switch (w.target()) {
            case CHANNEL -> bringForward("channels");
            case CONTEXT -> bringForward("contexts");
            case PROCESSOR -> bringForward("scheduler");
            case GOROUTINE -> {
                Tab on = selectedTab();
                if (on != schedulerTab && on != timelineTab) {
                    bringForward("scheduler");
                }
            }
            case LOCK, TIMER, CONSOLE -> { } // no view of their own to bring forward
        }
    }

    /** Greys the notes that name nothing in {@code state} (before a run, or a name the run lacks). */
    private void markAbsent(VisualState state) {
        for (Map.Entry<Label, Watch> e : notes) {
            Watch w = e.getValue();
            boolean present = switch (w.target()) {
                case CHANNEL -> state.channels().stream().anyMatch(c -> w.name().equals(c.name()));
                case CONTEXT -> state.contexts().stream().anyMatch(c -> w.name().equals(c.label()));
                case GOROUTINE -> state.goroutines().stream().anyMatch(g -> w.name().equals(g.name()));
                case PROCESSOR -> state.processors().stream().anyMatch(p -> w.name().equals("P" + p.id()));
                case CONSOLE -> state.seq() > 0;
                case LOCK -> !state.locks().isEmpty();
                case TIMER -> !state.timers().isEmpty();
            };
            e.getKey().pseudoClassStateChanged(ABSENT, !present);
        }
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
