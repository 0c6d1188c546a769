package loomlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import loomlab.app.editor.CodeEditor;
import loomlab.app.store.Loaded;
import loomlab.app.store.LoomLabHome;
import loomlab.app.store.Progress;
import loomlab.app.store.ProgressStore;
import loomlab.app.store.Settings;
import loomlab.app.store.SettingsStore;
import loomlab.app.store.Workspace;
import loomlab.app.viewmodel.ExerciseViewModel;
import loomlab.app.viewmodel.LessonViewModel;
import loomlab.app.viewmodel.Notice;
import loomlab.app.viewmodel.RunEnd;
import loomlab.app.viewmodel.RunViewModel;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;
import loomlab.exercises.Exercise;
import loomlab.lessons.Lesson;
import loomlab.lessons.Step;
import loomlab.visualizer.views.ViewTexts;

/**
 * The workbench's composition root: the stores in the LoomLab home, the ViewModels, and the editor,
 * which outlives a change of language. {@link #layout()} builds the window ({@link MainWindow}) and
 * the views ({@link RunViews}) in the present language around them, again on each change of
 * language; the code, the run and the selection live in the editor and the ViewModels, so none is lost.
 *
 * <p>What the editor holds is a {@link Document}: the learner's copy of a step's example or of an
 * exercise, saved into the workspace as they type.
 */
final class Workbench {
    /** What a workbench is opened with; tests give their own lessons, exercises and grader. */
    record Options(Locale locale, List<Lesson> lessons, List<Exercise> exercises, ExerciseViewModel.Grader grader) {
    }

    /** The file in the editor: the learner's copy of {@code original}, class {@code className}. */
    record Document(String className, Path file, String original) {
    }

    /** How long closing waits for the last saves to reach the disk. */
    private static final long CLOSING_WAIT_SECONDS = 3;

    final Stage stage;
    final Path home;
    final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loomlab-workbench");
        t.setDaemon(true);
        return t;
    });
    final RunViewModel run;
    final LessonViewModel lessons;
    final ExerciseViewModel exercises;
    final CodeEditor editor = new CodeEditor();
    /** The views of the present layout (rebuilt with it: they speak its language). */
    RunViews views;
    final Workspace workspace;

    final ObjectProperty<Document> document = new SimpleObjectProperty<>(this, "document");
    /** "" follows the system, else "en" or "zh". */
    final StringProperty language = new SimpleStringProperty(this, "language", "");
    final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale", 1);
    final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    /** Things to tell the learner once the window is up (a settings file set aside …). */
    final List<Notice> startupNotices = new java.util.ArrayList<>();

    private final SettingsStore settingsStore;
    private final ProgressStore progressStore;
    private final Locale forced;
    private Settings settings;
    private MainWindow window;
    /** The window's one scene: a change of language gives it a new root. */
    private Scene scene;
    private boolean loadingDocument;

    Workbench(Stage stage, Options options) {
        this.stage = stage;
        this.forced = options.locale();
        this.home = LoomLabHome.resolve();
        settingsStore = new SettingsStore(home);
        progressStore = new ProgressStore(home);
        workspace = new Workspace(home);
        settings = told(settingsStore.load());
        Progress progress = told(progressStore.load());
        run = new RunViewModel(Platform::runLater, background, home.resolve("classes"));
        lessons = new LessonViewModel(options.lessons(), progress, this::saveProgress);
        exercises = new ExerciseViewModel(options.exercises(), lessons.progressProperty(), this::saveProgress,
                options.grader(), Platform::runLater);
        applySettings();
        wire();
    }

    private <T> T told(Loaded<T> loaded) {
        loaded.problem().ifPresent(p -> startupNotices.add(p.setAside().equals(p.file())
                ? Notice.error("notice.fileNotRead", String.valueOf(p.file()), p.reason())
                : Notice.error("notice.fileSetAside", String.valueOf(p.file()), p.reason(), String.valueOf(p.setAside()))));
        return loaded.value();
    }

    private void applySettings() {
        Settings s = settings;
        language.set(forced != null ? forced.getLanguage() : s.language());
        fontScale.set(s.fontScale() > 0 ? s.fontScale() : 1);
        presentation.set(s.presentation()); // an instructor who left in presentation mode comes back to it
        dark.set(s.dark());
        run.seedProperty().set(s.seed());
        run.procsProperty().set(Math.max(1, s.procs()));
        run.modeProperty().set("real".equals(s.mode()) ? RunMode.REAL : RunMode.DETERMINISTIC);
        run.clockProperty().set("real".equals(s.clock()) ? ClockMode.REAL : ClockMode.VIRTUAL);
        run.speedProperty().set(Math.max(0, s.speed()));
        if (!lessons.select(s.lastLesson(), s.lastStep()) && !exercises.select(s.lastExercise())
                && !lessons.lessons().isEmpty()) {
            Lesson first = lessons.lessons().getFirst();
            lessons.show(first, first.steps().getFirst());
        }
    }

    private void wire() {
        lessons.stepProperty().subscribe(step -> {
            if (step != null) {
                exercises.clear();
                open(step);
            }
            saveSettings();
        });
        exercises.exerciseProperty().subscribe(e -> {
            if (e != null) {
                lessons.clear();
                open(e);
            }
            saveSettings();
        });
        editor.textProperty().addListener((_, _, text) -> {
            Document d = document.get();
            if (d != null && !loadingDocument) {
                workspace.saveSoon(d.file(), text);
            }
        });
        run.diagnostics().addListener((javafx.collections.ListChangeListener<loomlab.app.editor.Diagnostic>) _ -> {
            editor.clearDiagnostics();
            if (!run.diagnostics().isEmpty()) {
                editor.setDiagnostics(List.copyOf(run.diagnostics()));
            }
        });
        run.endProperty().subscribe(this::runEnded);
        for (var p : List.of(run.seedProperty(), run.procsProperty(), run.modeProperty(), run.clockProperty(),
                run.speedProperty(), language, fontScale, presentation, dark)) {
            p.addListener((_, _, _) -> saveSettings());
        }
    }

    private void open(Step step) {
        Lesson lesson = lessons.lessonProperty().get();
        if (step.example() == null) {
            setDocument(null);
            return;
        }
        String cls = step.example().className();
        setDocument(new Document(cls, workspace.lessonFile(lesson.id(), step.id(), cls), step.example().source()));
        // The step's text, its question and its watch notes describe one run: Run gives that run. The learner may change any of these afterwards to see other schedules.
        run.modeProperty().set(step.example().mode());
        if (step.example().mode() == RunMode.REAL) {
            run.clockProperty().set(ClockMode.VIRTUAL);
        }
        run.seedProperty().set(step.example().seed());
        run.procsProperty().set(step.example().procs());
    }

    private void open(Exercise e) {
        setDocument(new Document(e.className(), workspace.exerciseFile(e.id(), e.className()), e.starter()));
    }

    private void setDocument(Document d) {
        workspace.flush();
        document.set(d);
        loadingDocument = true;
        try {
            editor.clearDiagnostics();
            editor.clearHighlight();
            editor.setText(d == null ? "" : workspace.load(d.file(), d.original()));
            editor.setEditable(d != null);
        } finally {
            loadingDocument = false;
        }
    }

    // ---------------------------------------------------------------- commands

    /** The language the window is in: the setting, else the system's. */
    Locale locale() {
        String l = language.get();
        return l == null || l.isEmpty() ? Locale.getDefault() : Locale.forLanguageTag(l);
    }

    /** Builds (or builds again, in the present language) the window around the lasting parts. */
    void layout() {
        if (window != null) {
            window.dispose();
        }
        long selected = 0;
        if (views != null) {
            selected = views.selected.get();
            views.dispose();
        }
        ViewTexts.setLocale(locale());
        views = new RunViews();
        window = new MainWindow(this, new Texts(locale()));
        views.selected.set(selected);
        if (scene == null) {
            scene = new Scene(window.root(), LoomLabApp.WIDTH, LoomLabApp.HEIGHT);
            stage.setScene(scene);
            placeWindow();
        } else {
            scene.setRoot(window.root()); // a change of language: same window, same place
        }
        stage.setTitle(window.texts().get("app.title"));
        startupNotices.forEach(window::tell);
    }

    MainWindow window() {
        return window;
    }

    /**
     * Puts the window where it was last time, if that place is still on a screen (a projector
     * unplugged since is not); else where the system puts a new window, at its scene's size.
     */
    private void placeWindow() {
        double[] b = settings.windowBounds();
        if (b != null && b.length == 4 && b[2] >= 400 && b[3] >= 300
                && !javafx.stage.Screen.getScreensForRectangle(b[0], b[1], b[2], b[3]).isEmpty()) {
            stage.setX(b[0]);
            stage.setY(b[1]);
            stage.setWidth(b[2]);
            stage.setHeight(b[3]);
        }
    }

    /** Saves the editor's code, compiles it and runs it in a child JVM. */
    void runCode() {
        Document d = document.get();
        if (d == null) {
            window.tell(Notice.info("notice.noMain"));
            return;
        }
        workspace.flush();
        run.run(d.className(), editor.getText());
    }

    /** Puts the original code back. */
    void resetCode() {
        Document d = document.get();
        if (d != null) {
            try {
                workspace.reset(d.file(), d.original());
            } catch (java.io.IOException e) {
                window.tell(Notice.error("notice.saveFailed", d.file(), e.getMessage()));
            }
            loadingDocument = true;
            try {
                editor.setText(d.original());
            } finally {
                loadingDocument = false;
            }
            editor.clearDiagnostics();
        }
    }

    /** Grades the learner's saved code for the exercise on show. */
    void grade() {
        Document d = document.get();
        if (d == null || exercises.exerciseProperty().get() == null) {
            return;
        }
        // The grader reads the file: it must exist even if the learner has not typed yet.
        workspace.saveSoon(d.file(), editor.getText());
        workspace.flush();
        exercises.grade(d.file(), new Texts(locale()).locale(), home.resolve("runs"));
    }

    private void runEnded(RunEnd end) {
        if (end == null || lessons.stepProperty().get() == null || end.kind() == RunEnd.Kind.STOPPED) {
            return;
        }
        lessons.runEnded(run.outputLines());
    }

    private void saveProgress(Progress progress) {
        saveInBackground(progressStore.file(), () -> progressStore.save(progress));
    }

    /** A write that may fail. */
    private interface Write {
        void run() throws java.io.IOException;
    }

    /** Runs {@code write} off the FX thread; a failure is told in the window, naming {@code file}. */
    private void saveInBackground(java.nio.file.Path file, Write write) {
        if (background.isShutdown()) {
            return;
        }
        background.execute(() -> {
            try {
                write.run();
            } catch (java.io.IOException e) {
                javafx.application.Platform.runLater(() ->
                        window.tell(Notice.error("notice.saveFailed", file, e.getMessage())));
            }
        });
    }

    void saveSettings() {
        Lesson l = lessons.lessonProperty().get();
        Step s = lessons.stepProperty().get();
        Exercise e = exercises.exerciseProperty().get();
        settings = new Settings(forced != null ? settings.language() : language.get(), fontScale.get(),
                presentation.get(), run.seedProperty().get(), run.procsProperty().get(),
                run.modeProperty().get() == RunMode.REAL ? "real" : "deterministic",
                run.clockProperty().get() == ClockMode.REAL ? "real" : "virtual", run.speedProperty().get(),
                l == null ? "" : l.id(), s == null ? "" : s.id(), e == null ? "" : e.id(),
                bounds(), dark.get());
        Settings snapshot = settings;
        saveInBackground(settingsStore.file(), () -> settingsStore.save(snapshot));
    }

    /** Where the window is, to open there next time; null before it is first shown. */
    private double[] bounds() {
        double[] b = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        for (double v : b) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return b;
    }

    /**
     * Saves everything and ends any run; the window is closing. Waits (a little) for the saves
     * queued on the background thread, a daemon that would otherwise die with the JVM mid-write.
     */
    void close() {
        if (background.isShutdown()) {
            return; // closed already (the window's close request, then the app's stop)
        }
        saveSettings();
        workspace.flush();
        run.close();
        exercises.cancel();
        background.shutdown();
        try {
            background.awaitTermination(CLOSING_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a new saved run goes by default. */
    Path runsDir() {
        Path dir = home.resolve("runs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return home;
        }
        return dir;
    }
}
