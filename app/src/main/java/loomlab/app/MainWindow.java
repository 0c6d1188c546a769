package loomlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.Subscription;

import loomlab.app.viewmodel.ExerciseViewModel;
import loomlab.app.viewmodel.Notice;
import loomlab.app.viewmodel.RunViewModel;
import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;
import loomlab.exercises.Exercise;
import loomlab.lessons.Lesson;
import loomlab.lessons.Step;
import loomlab.visualizer.views.Palette;

/**
 * The controller of {@code MainWindow.fxml}: binds its controls to the ViewModels and puts the parts
 * built in code (step text, editor, views) into its hosts. Thin: what a control does is a ViewModel
 * command or a {@link Workbench} command. One is made per layout (per language); {@link #dispose()}
 * lets go of the ViewModels when the next one takes over.
 */
final class MainWindow {
    @FXML private BorderPane mainWindow;
    @FXML private StackPane workStack;
    @FXML private SplitPane workArea;
    @FXML private VBox lessonsPane;
    @FXML private TreeView<Object> lessonTree;
    @FXML private ListView<Exercise> exerciseList;
    @FXML private SplitPane centrePane;
    @FXML private ScrollPane stepScroll;
    @FXML private VBox stepHost;
    @FXML private SplitPane codeArea;
    @FXML private VBox goHost;
    @FXML private VBox editorHost;
    @FXML private Label editorTitle;
    @FXML private VBox consoleHost;
    @FXML private VBox viewsPane;
    @FXML private Label statusLabel;
    @FXML private Label noticeLabel;
    @FXML private Button dismissButton;

    @FXML private MenuItem openRunItem;
    @FXML private MenuItem saveRunItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem runItem;
    @FXML private MenuItem pauseItem;
    @FXML private MenuItem resumeItem;
    @FXML private MenuItem stepItem;
    @FXML private MenuItem stopItem;
    @FXML private MenuItem resetItem;
    @FXML private CheckMenuItem stepModeItem;
    @FXML private MenuItem previousStepItem;
    @FXML private MenuItem nextStepItem;
    @FXML private CheckMenuItem presentationItem;
    @FXML private MenuItem zoomInItem;
    @FXML private MenuItem zoomOutItem;
    @FXML private MenuItem zoomResetItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private RadioMenuItem systemLanguageItem;
    @FXML private RadioMenuItem englishItem;
    @FXML private RadioMenuItem chineseItem;
    @FXML private MenuItem shortcutsItem;
    @FXML private MenuItem aboutItem;

    @FXML private Button runButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Button resetButton;
    @FXML private CheckBox stepModeBox;
    @FXML private Slider speedSlider;
    @FXML private Label speedValue;
    @FXML private TextField seedField;
    @FXML private Spinner<Integer> procsSpinner;
    @FXML private ChoiceBox<RunMode> modeChoice;
    @FXML private ChoiceBox<ClockMode> clockChoice;

    /** The share of the code area the Go original takes, beside the learner's Java. */
    static final double GO_SHARE = 0.42;

    private final Workbench bench;
    private final Texts texts;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ViewPanes panes;
    /** The step's Go original, read-only, beside the editor (out of the code area when there is none). */
    private final TextArea goSource = new TextArea();
    private StepPane stepPane;
    private ExercisePane exercisePane;
    /** The step whose prediction the learner was already reminded of. */
    private Step reminded;

    MainWindow(Workbench bench, Texts texts) {
        this.bench = bench;
        this.texts = texts;
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainWindow.fxml"), texts.bundle());
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MainWindow.fxml is missing or broken", e);
        }
        mainWindow.getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
        panes = new ViewPanes(bench, texts, workStack, workArea);
        wireRunControls();
        wireMenus();
        wireNavigation();
        wireCentre();
        panes.build(viewsPane, consoleHost);
        wireStatus();
        subscriptions.add(Presentation.apply(bench, this));
        subscriptions.add(bench.exercises.reportProperty().subscribe(report -> {
            if (report != null) {
                javafx.application.Platform.runLater(this::scrollToGradeResults);
            }
        }));
    }

    BorderPane root() {
        return mainWindow;
    }

    Texts texts() {
        return texts;
    }

    SplitPane workArea() {
        return workArea;
    }

    SplitPane centrePane() {
        return centrePane;
    }

    SplitPane codeArea() {
        return codeArea;
    }

    ViewPanes panes() {
        return panes;
    }

    /** Shows {@code notice} in the status bar until the next one or until dismissed. */
    void tell(Notice notice) {
        if (notice == null) {
            return;
        }
        noticeLabel.setText(texts.notice(notice));
        noticeLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), notice.error());
        dismissButton.setVisible(true);
        dismissButton.setManaged(true);
    }

    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        panes.dispose();
        if (stepPane != null) {
            stepPane.dispose();
        }
        if (exercisePane != null) {
            exercisePane.dispose();
        }
        editorHost.getChildren().remove(bench.editor);
    }

    // ---------------------------------------------------------------- run controls

    private void wireRunControls() {
        RunViewModel run = bench.run;
        command(Shortcut.RUN, runItem, runButton, "run.tip.run", this::runPressed);
        command(Shortcut.PAUSE, pauseItem, pauseButton, "run.tip.pause", run::pause);
        command(Shortcut.RESUME, resumeItem, resumeButton, "run.tip.resume", run::resume);
        command(Shortcut.STEP, stepItem, stepButton, "run.tip.step", run::step);
        command(Shortcut.STOP, stopItem, stopButton, "run.tip.stop", run::stop);
        command(Shortcut.RESET, resetItem, resetButton, "run.tip.reset", bench::resetCode);
        runButton.disableProperty().bind(run.statusProperty().isEqualTo(Status.COMPILING));
        runItem.disableProperty().bind(runButton.disableProperty());
        pauseButton.disableProperty().bind(run.canPauseBinding().not());
        pauseItem.disableProperty().bind(pauseButton.disableProperty());
        resumeButton.disableProperty().bind(run.canStepBinding().not());
        resumeItem.disableProperty().bind(resumeButton.disableProperty());
        stepButton.disableProperty().bind(run.canStepBinding().not());
        stepItem.disableProperty().bind(stepButton.disableProperty());
        stopButton.disableProperty().bind(run.liveBinding().not());
        stopItem.disableProperty().bind(stopButton.disableProperty());
        resetButton.disableProperty().bind(bench.document.isNull());
        resetItem.disableProperty().bind(resetButton.disableProperty());

        stepModeBox.selectedProperty().bindBidirectional(run.stepModeProperty());
        stepModeItem.selectedProperty().bindBidirectional(run.stepModeProperty());
        stepModeItem.setAccelerator(Shortcut.STEP_MODE.keys);
        stepModeBox.setTooltip(tip("run.tip.stepMode", Shortcut.STEP_MODE));

        speedSlider.valueProperty().bindBidirectional(run.speedProperty());
        speedSlider.setTooltip(tip("run.tip.speed", null));
        speedValue.textProperty().bind(Bindings.createStringBinding(() -> run.speedProperty().get() < 0.5
                ? texts.get("run.speed.full")
                : texts.format("run.speed.value", Math.round(run.speedProperty().get())), run.speedProperty()));

        TextFormatter<Long> seed = new TextFormatter<>(new StringConverter<>() {
            @Override
            public String toString(Long v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Long fromString(String s) {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException e) {
                    return run.seedProperty().get();
                }
            }
        }, run.seedProperty().get(), c -> c.getControlNewText().matches("-?\\d{0,18}") ? c : null);
        seedField.setTextFormatter(seed);
        seed.valueProperty().addListener((_, _, v) -> run.seedProperty().set(v));
        subscriptions.add(run.seedProperty().subscribe(v -> seed.setValue(v.longValue())));
        seedField.setTooltip(tip("run.tip.seed", null));

        procsSpinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16,
                run.procsProperty().get()));
        procsSpinner.valueProperty().addListener((_, _, v) -> run.procsProperty().set(v));
        // Both ways: opening a lesson step sets GOMAXPROCS, and the spinner must show it.
        subscriptions.add(run.procsProperty().subscribe(v -> procsSpinner.getValueFactory().setValue(v.intValue())));
        procsSpinner.setTooltip(tip("run.tip.procs", null));

        modeChoice.getItems().setAll(RunMode.DETERMINISTIC, RunMode.REAL);
        modeChoice.setConverter(named(m -> texts.get(m == RunMode.REAL ? "run.mode.real" : "run.mode.deterministic")));
        modeChoice.valueProperty().bindBidirectional(run.modeProperty());
        modeChoice.setTooltip(tip("run.tip.mode", null));
        clockChoice.getItems().setAll(ClockMode.VIRTUAL, ClockMode.REAL);
        clockChoice.setConverter(named(c -> texts.get(c == ClockMode.REAL ? "run.clock.real" : "run.clock.virtual")));
        clockChoice.valueProperty().bindBidirectional(run.clockProperty());
        clockChoice.setTooltip(tip("run.tip.clock", null));
        // A deterministic run's clock is always virtual; step mode is always deterministic.
        clockChoice.disableProperty().bind(run.modeProperty().isEqualTo(RunMode.DETERMINISTIC)
                .or(run.stepModeProperty()));
        modeChoice.disableProperty().bind(run.stepModeProperty());
        // Only the GMP scheduler has Ps; a deterministic run has one, whatever this says.
        procsSpinner.disableProperty().bind(run.modeProperty().isEqualTo(RunMode.DETERMINISTIC)
                .or(run.stepModeProperty()));
    }

    private void runPressed() {
        Step step = bench.lessons.stepProperty().get();
        if (step != null && step.predict() != null && bench.lessons.chosenProperty().get() < 0 && reminded != step) {
            reminded = step;
            tell(Notice.info("notice.predictFirst"));
            return;
        }
        bench.runCode();
    }

    /** One command: its menu item with its accelerator, its button with a tooltip naming the keys. */
    private void command(Shortcut shortcut, MenuItem item, ButtonBase button, String tipKey, Runnable action) {
        item.setAccelerator(shortcut.keys);
        item.setOnAction(_ -> action.run());
        if (button != null) {
            button.setOnAction(_ -> action.run());
            button.setTooltip(tip(tipKey, shortcut));
        }
    }

    private Tooltip tip(String key, Shortcut shortcut) {
        String text = texts.get(key);
        if (shortcut != null) {
            text += " " + texts.format("shortcut.suffix", shortcut.display());
        }
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    // ---------------------------------------------------------------- menus

    private void wireMenus() {
        command(Shortcut.OPEN_RUN, openRunItem, null, null, this::openRun);
        command(Shortcut.SAVE_RUN, saveRunItem, null, null, () -> chooseAndSave(false));
        command(Shortcut.EXPORT, exportItem, null, null, () -> chooseAndSave(true));
        command(Shortcut.QUIT, quitItem, null, null, () -> bench.stage.close());
        saveRunItem.disableProperty().bind(bench.run.statusProperty().isEqualTo(Status.IDLE));
        exportItem.disableProperty().bind(saveRunItem.disableProperty());
        command(Shortcut.PREVIOUS_STEP, previousStepItem, null, null, bench.lessons::previous);
        command(Shortcut.NEXT_STEP, nextStepItem, null, null, bench.lessons::next);
        previousStepItem.disableProperty().bind(bench.lessons.stepProperty().isNull());
        nextStepItem.disableProperty().bind(bench.lessons.stepProperty().isNull());

        presentationItem.selectedProperty().bindBidirectional(bench.presentation);
        presentationItem.setAccelerator(Shortcut.PRESENTATION.keys);
        command(Shortcut.ZOOM_IN, zoomInItem, null, null, () -> Presentation.zoom(bench, +1));
        command(Shortcut.ZOOM_OUT, zoomOutItem, null, null, () -> Presentation.zoom(bench, -1));
        command(Shortcut.ZOOM_RESET, zoomResetItem, null, null, () -> Presentation.zoom(bench, 0));
        darkItem.selectedProperty().bindBidirectional(bench.dark);

        String lang = bench.language.get();
        (lang.equals("en") ? englishItem : lang.equals("zh") ? chineseItem : systemLanguageItem).setSelected(true);
        systemLanguageItem.setOnAction(_ -> switchLanguage(""));
        englishItem.setOnAction(_ -> switchLanguage("en"));
        chineseItem.setOnAction(_ -> switchLanguage("zh"));

        shortcutsItem.setOnAction(_ -> Dialogs.shortcuts(bench.stage, texts));
        aboutItem.setOnAction(_ -> Dialogs.about(bench.stage, texts));
    }

    private void switchLanguage(String language) {
        if (!language.equals(bench.language.get())) {
            bench.language.set(language);
            javafx.application.Platform.runLater(bench::layout); // not from inside the menu being replaced
        }
    }

    private void openRun() {
        FileChooser chooser = runChooser(false);
        java.io.File file = chooser.showOpenDialog(bench.stage);
        if (file != null) {
            bench.run.openRun(file.toPath());
        }
    }

    private void chooseAndSave(boolean perfetto) {
        FileChooser chooser = runChooser(perfetto);
        String name = bench.run.programProperty().get();
        chooser.setInitialFileName((name.isEmpty() ? "run" : name) + (perfetto ? ".json" : ".run"));
        java.io.File file = chooser.showSaveDialog(bench.stage);
        if (file == null) {
            return;
        }
        if (perfetto) {
            bench.run.exportPerfetto(file.toPath());
        } else {
            bench.run.saveRun(file.toPath());
        }
    }

    private FileChooser runChooser(boolean perfetto) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialDirectory(bench.runsDir().toFile());
        chooser.getExtensionFilters().add(perfetto
                ? new FileChooser.ExtensionFilter(texts.get("dialog.jsonFiles"), "*.json")
                : new FileChooser.ExtensionFilter(texts.get("dialog.runFiles"), "*.run"));
        return chooser;
    }

    // ---------------------------------------------------------------- lessons and exercises

    private void wireNavigation() {
        lessonTree.setId("lessonTree");
        exerciseList.setId("exerciseList");
        TreeItem<Object> root = new TreeItem<>();
        for (Lesson l : bench.lessons.lessons()) {
            TreeItem<Object> lessonItem = new TreeItem<>(l);
            lessonItem.setExpanded(true);
            l.steps().forEach(s -> lessonItem.getChildren().add(new TreeItem<>(s)));
            root.getChildren().add(lessonItem);
        }
        lessonTree.setRoot(root);
        if (root.getChildren().isEmpty()) {
            Label none = new Label(texts.get("lessons.none"));
            none.setWrapText(true);
            lessonsPane.getChildren().add(2, none);
        }
        lessonTree.setCellFactory(_ -> new NavigationCells.LessonCell(bench.lessons, texts));
        lessonTree.getSelectionModel().selectedItemProperty().addListener((_, _, item) -> {
            if (item != null && item.getValue() instanceof Step s && item.getParent().getValue() instanceof Lesson l) {
                bench.lessons.show(l, s);
            } else if (item != null && item.getValue() instanceof Lesson l) {
                bench.lessons.show(l, l.steps().getFirst());
            }
        });
        exerciseList.getItems().setAll(bench.exercises.exercises());
        exerciseList.setPlaceholder(new Label(texts.get("exercises.none")));
        exerciseList.setCellFactory(_ -> new NavigationCells.ExerciseCell(bench.exercises, texts));
        exerciseList.getSelectionModel().selectedItemProperty().addListener((_, _, e) -> {
            if (e != null) {
                bench.exercises.show(e);
            }
        });
        subscriptions.add(bench.lessons.progressProperty().subscribe(_ -> {
            lessonTree.refresh();
            exerciseList.refresh();
        }));
    }

    private void wireCentre() {
        editorHost.getChildren().add(bench.editor);
        VBox.setVgrow(bench.editor, Priority.ALWAYS);
        bench.editor.setId("editor");
        goSource.setId("goOriginal");
        goSource.setEditable(false);
        goSource.getStyleClass().add("source");
        goHost.getChildren().add(goSource);
        VBox.setVgrow(goSource, Priority.ALWAYS);
        showGo(null);
        subscriptions.add(bench.document.subscribe(d -> editorTitle.setText(d == null
                ? texts.get("editor.none") : texts.format("editor.title", d.className() + ".java"))));
        subscriptions.add(bench.lessons.stepProperty().subscribe(this::showStep));
        subscriptions.add(bench.exercises.exerciseProperty().subscribe(this::showExercise));
        subscriptions.add(bench.run.statusProperty().subscribe(s -> {
            // A new run locks the prediction; rebuilding the step pane shows it locked.
            if (s == Status.COMPILING || s == Status.RUNNING) {
                showStep(bench.lessons.stepProperty().get());
            }
        }));
    }

    private void showStep(Step step) {
        if (step == null) {
            return;
        }
        Lesson lesson = bench.lessons.lessonProperty().get();
        if (stepPane != null) {
            stepPane.dispose();
        }
        boolean running = bench.run.statusProperty().get() != Status.IDLE && bench.run.endProperty().get() == null
                && bench.run.statusProperty().get() != Status.ENDED;
        stepPane = new StepPane(lesson, step, bench.lessons, texts, running);
        stepHost.getChildren().setAll(stepPane);
        stepScroll.setVvalue(0);
        showGo(step.go());
        selectInTree(lesson, step);
        panes.showWatch(step.watch());
    }

    /** Sets the size of both codes on show, the Go original's and the editor's, in points. */
    void codeFontSize(double points) {
        double rounded = Math.round(points * 2) / 2.0;
        bench.editor.setFontSize(rounded);
        goSource.setStyle("-fx-font-family: '" + loomlab.app.editor.MonospaceFont.family() + "'; -fx-font-size: "
                + rounded + "pt;");
    }

    /** Shows {@code go} beside the editor; without one the editor has the code area to itself. */
    private void showGo(String go) {
        // gofmt indents with tabs; a TextArea draws a tab eight wide, too wide for a column this size.
        goSource.setText(go == null ? "" : go.replace("\t", "    "));
        goSource.positionCaret(0);
        boolean shown = codeArea.getItems().contains(goHost);
        if (go == null && shown) {
            codeArea.getItems().remove(goHost);
        } else if (go != null && !shown) {
            codeArea.getItems().addFirst(goHost);
            codeArea.setDividerPositions(GO_SHARE);
        }
    }

    private void selectInTree(Lesson lesson, Step step) {
        for (TreeItem<Object> l : lessonTree.getRoot().getChildren()) {
            if (l.getValue() == lesson) {
                for (TreeItem<Object> s : l.getChildren()) {
                    if (s.getValue() == step && lessonTree.getSelectionModel().getSelectedItem() != s) {
                        lessonTree.getSelectionModel().select(s);
                    }
                }
            }
        }
    }

    private void showExercise(Exercise exercise) {
        if (exercise == null) {
            return;
        }
        if (exercisePane != null) {
            exercisePane.dispose();
        }
        exercisePane = new ExercisePane(exercise, bench.exercises, texts, bench::grade, this::replay);
        stepHost.getChildren().setAll(exercisePane);
        stepScroll.setVvalue(0);
        showGo(null);
        exerciseList.getSelectionModel().select(exercise);
        lessonTree.getSelectionModel().clearSelection();
        panes.showWatch(List.of());
    }

    /** Scrolls the step pane so that the grade's results start at its top: the learner's next read. */
    private void scrollToGradeResults() {
        javafx.scene.Node results = stepHost.lookup("#gradeResults");
        if (results == null) {
            return;
        }
        stepScroll.layout();
        double contentHeight = stepScroll.getContent().getBoundsInLocal().getHeight();
        double viewportHeight = stepScroll.getViewportBounds().getHeight();
        double y = stepScroll.getContent().sceneToLocal(results.localToScene(0, 0)).getY();
        if (contentHeight > viewportHeight) {
            stepScroll.setVvalue(Math.clamp(y / (contentHeight - viewportHeight), 0, 1));
        }
    }

    /** Opens a grading failure's saved run in the views. */
    private void replay(Path failingRun) {
        bench.run.openRun(failingRun);
    }

    // ---------------------------------------------------------------- status bar

    private void wireStatus() {
        RunViewModel run = bench.run;
        subscriptions.add(run.statusProperty().subscribe(_ -> updateStatus()));
        subscriptions.add(run.programProperty().subscribe(_ -> updateStatus()));
        subscriptions.add(run.noticeProperty().subscribe(this::tell));
        subscriptions.add(bench.exercises.noticeProperty().subscribe(this::tell));
        dismissButton.setOnAction(_ -> {
            noticeLabel.setText("");
            dismissButton.setVisible(false);
            dismissButton.setManaged(false);
        });
        statusLabel.setId("statusLabel");
        noticeLabel.setId("noticeLabel");
        Palette.applyTheme(mainWindow, bench.dark.get());
        subscriptions.add(bench.dark.subscribe(d -> Palette.applyTheme(mainWindow, d)));
    }

    private void updateStatus() {
        Status s = bench.run.statusProperty().get();
        statusLabel.setText(texts.format("status." + s.name(), bench.run.programProperty().get()));
    }

    /** Test and presentation access to the hosts. */
    Set<Node> hosts() {
        return Set.of(lessonsPane, centrePane, viewsPane, consoleHost);
    }

    VBox lessonsPane() {
        return lessonsPane;
    }
}
