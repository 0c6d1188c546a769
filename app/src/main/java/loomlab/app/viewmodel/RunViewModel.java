package loomlab.app.viewmodel;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import loomlab.app.compile.InMemoryCompiler;
import loomlab.app.editor.Diagnostic;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;
import loomlab.engine.events.Event;
import loomlab.engine.events.PerfettoExport;
import loomlab.engine.events.Trace;
import loomlab.engine.events.TraceReader;
import loomlab.engine.events.TraceWriter;
import loomlab.engine.events.Traced;
import loomlab.engine.runner.ChildOutcome;
import loomlab.engine.runner.ChildRun;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.views.FrameAdapter;

/**
 * The run controls and the run they control: compile the learner's class in memory, run it in a
 * child JVM ({@link ChildRun}, never in the workbench's), pause, step, resume, stop; open a saved
 * run, save one, export one for Perfetto.
 *
 * <h2>States</h2>
 * <pre>
 *   IDLE --run--> COMPILING --errors--> IDLE (diagnostics set)
 *                           --ok------> RUNNING <--resume-- PAUSED (step mode starts here)
 *                                       RUNNING --pause---> PAUSED
 *   RUNNING, PAUSED --the child ends, or stop--> ENDED (end set)
 *   any --openRun--> ENDED (a replay: the saved run's events, its end if it has one)
 * </pre>
 * A run starts a new {@link FrameAdapter}: the window hands its views to each new one
 * ({@link #framesProperty()}), and the events of the run go into it from the child's reader.
 *
 * <h2>Threads</h2>
 * Properties and commands belong to the FX thread. Compiling, starting a child and file work run on
 * {@code background}; their results come back through {@code ui} (the FX thread in the window;
 * the test thread in a test without a screen). A result of an earlier run that comes back after a
 * newer one started is dropped (runs are numbered: {@link #generation}).
 */
public final class RunViewModel {
    public enum Status { IDLE, COMPILING, RUNNING, PAUSED, ENDED }

    /**
     * Events a run may keep, at most: a loop with no end, at full speed, makes some 350,000 a second,
     * each held in memory for the timeline and replay; two million take a few hundred megabytes.
     */
    public static final long HISTORY_LIMIT = 2_000_000;

    /** Output lines kept for {@link #outputLines()}: a prediction needs only the first few. */
    private static final int OUTPUT_KEPT = 1000;


    private final Executor ui;
    private final Executor background;
    private final Path classesRoot;
    private final long historyLimit;

    // ---------------------------------------------------------------- settings (read-write)
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final IntegerProperty procs = new SimpleIntegerProperty(this, "procs", 2);
    private final ObjectProperty<RunMode> mode = new SimpleObjectProperty<>(this, "mode", RunMode.DETERMINISTIC);
    private final ObjectProperty<ClockMode> clock = new SimpleObjectProperty<>(this, "clock", ClockMode.VIRTUAL);
    /** Engine operations a second in a deterministic run; 0: as fast as it goes. */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0);
    /** Runs start deterministic and paused, one operation per Step. */
    private final BooleanProperty stepMode = new SimpleBooleanProperty(this, "stepMode", false);

    // ---------------------------------------------------------------- state (read-only)
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.IDLE);
    private final ReadOnlyObjectWrapper<FrameAdapter> frames = new ReadOnlyObjectWrapper<>(this, "frames",
            new FrameAdapter());
    private final ReadOnlyObjectWrapper<RunEnd> end = new ReadOnlyObjectWrapper<>(this, "end");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyStringWrapper program = new ReadOnlyStringWrapper(this, "program", "");
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final BooleanBinding live;
    private final BooleanBinding canPause;
    private final BooleanBinding canStep;

    private ChildRun child;
    /** The first {@link #OUTPUT_KEPT} lines the present run printed; written by the child's reader. */
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private boolean childDeterministic;
    private Map<String, String> metadata = Map.of();
    /** The number of the present run; results of older ones are dropped. */
    private long generation;
    /** The number of the latest {@link #openRun}; a file read for an older one is dropped. */
    private long opening;

    /**
     * @param ui          runs a result on the thread that owns the properties
     * @param background  compiles, starts children and reads and writes files
     * @param classesRoot where each run's compiled classes go (a folder per run)
     */
    public RunViewModel(Executor ui, Executor background, Path classesRoot) {
        this(ui, background, classesRoot, HISTORY_LIMIT);
    }

    /**
     * @param historyLimit the most events a run keeps; on the next one the run is stopped and the
     *                     learner told (see {@link #HISTORY_LIMIT})
     */
    public RunViewModel(Executor ui, Executor background, Path classesRoot, long historyLimit) {
        this.historyLimit = historyLimit;
        this.ui = ui;
        this.background = background;
        this.classesRoot = classesRoot;
        live = Bindings.createBooleanBinding(() -> status.get() == Status.RUNNING || status.get() == Status.PAUSED,
                status);
        canPause = Bindings.createBooleanBinding(() -> status.get() == Status.RUNNING && childDeterministic, status);
        canStep = status.isEqualTo(Status.PAUSED);
        speed.addListener((_, _, _) -> applySpeed());
    }

    // ---------------------------------------------------------------- properties

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty procsProperty() {
        return procs;
    }

    public ObjectProperty<RunMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<ClockMode> clockProperty() {
        return clock;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty stepModeProperty() {
        return stepMode;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The present run's frame adapter (a new one per run); hand it the views. */
    public ReadOnlyObjectProperty<FrameAdapter> framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** How the present run ended; null while it goes on or before any run. */
    public ReadOnlyObjectProperty<RunEnd> endProperty() {
        return end.getReadOnlyProperty();
    }

    /** The latest thing to tell the learner (a compile failure, a file that could not be read …). */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The class (or saved run's program) of the present run; "" before any. */
    public ReadOnlyStringProperty programProperty() {
        return program.getReadOnlyProperty();
    }

    /** The compiler's errors and warnings of the last run; empty after a successful compile. */
    public ObservableList<Diagnostic> diagnostics() {
        return FXCollections.unmodifiableObservableList(diagnostics);
    }

    /** A child runs (running or paused): Stop applies. */
    public BooleanBinding liveBinding() {
        return live;
    }

    /** Pause applies: a deterministic run is running. */
    public BooleanBinding canPauseBinding() {
        return canPause;
    }

    /** Step and Resume apply: a run is paused. */
    public BooleanBinding canStepBinding() {
        return canStep;
    }

    // ---------------------------------------------------------------- commands: a run

    /** Compiles {@code source} (public class {@code className}) and, if it compiles, runs it. */
    public void run(String className, String source) {
        stopChild();
        long run = ++generation;
        opening++; // a saved run still being read would come in over this one
        diagnostics.clear();
        end.set(null);
        notice.set(null);
        program.set(className);
        status.set(Status.COMPILING);
        boolean deterministic = stepMode.get() || mode.get() == RunMode.DETERMINISTIC;
        ChildRun.Builder settings = ChildRun.builder()
                .mode(deterministic ? RunMode.DETERMINISTIC : RunMode.REAL)
                .seed(seed.get()).procs(procs.get()).clock(clock.get())
                .paused(deterministic && stepMode.get());
        metadata = metadataOf(className, deterministic);
        FrameAdapter adapter = new FrameAdapter();
        output.clear();
        background.execute(() -> {
            Path dir = classesRoot.resolve("run-" + run);
            loomlab.app.compile.CompileResult compiled;
            try {
                compiled = InMemoryCompiler.compile(className, source, dir);
            } catch (RuntimeException e) {
                ui.execute(() -> failed(run, Notice.error("notice.compileCrashed", String.valueOf(e.getMessage()))));
                return;
            }
            if (!compiled.ok()) {
                ui.execute(() -> compileFailed(run, compiled.diagnostics()));
                return;
            }
            ChildRun started;
            try {
                started = settings.classDir(compiled.classesDir()).events(t -> {
                    if (t.seq() > historyLimit) {
                        if (t.seq() == historyLimit + 1) {
                            ui.execute(() -> historyFull(run));
                        }
                        return; // the run is being stopped; the history ends at the limit
                    }
                    adapter.offer(t);
                    if (t.event() instanceof Event.Output(long _, String text) && output.size() < OUTPUT_KEPT) {
                        output.add(text);
                    }
                }).start(className);
            } catch (IOException e) {
                ui.execute(() -> failed(run, Notice.error("notice.startFailed", String.valueOf(e.getMessage()))));
                return;
            }
            started.outcome().whenComplete((outcome, failure) -> ui.execute(() -> ended(run, outcome, failure)));
            ui.execute(() -> started(run, started, deterministic, adapter, compiled.diagnostics()));
        });
    }

    private void started(long run, ChildRun started, boolean deterministic, FrameAdapter adapter,
                         List<Diagnostic> warnings) {
        if (run != generation) {
            started.close();
            return;
        }
        child = started;
        childDeterministic = deterministic;
        diagnostics.setAll(warnings);
        frames.set(adapter);
        applySpeed();
        status.set(deterministic && stepMode.get() ? Status.PAUSED : Status.RUNNING);
    }

    private void compileFailed(long run, List<Diagnostic> found) {
        if (run != generation) {
            return;
        }
        diagnostics.setAll(found);
        long errors = found.stream().filter(Diagnostic::error).count();
        notice.set(Notice.error("notice.compileFailed", errors));
        status.set(Status.IDLE);
    }

    private void failed(long run, Notice why) {
        if (run == generation) {
            notice.set(why);
            status.set(Status.IDLE);
        }
    }

    private void ended(long run, ChildOutcome outcome, Throwable failure) {
        if (run != generation) {
            return;
        }
        child = null;
        end.set(failure != null
                ? new RunEnd(RunEnd.Kind.CRASHED, -1, String.valueOf(failure.getMessage()), List.of())
                : RunEnd.of(outcome));
        status.set(Status.ENDED);
    }

    /** The run reached {@link #historyLimit} events: it is stopped, and the learner is told why. */
    private void historyFull(long run) {
        if (run == generation && child != null) {
            notice.set(Notice.error("notice.historyFull", historyLimit));
            stop();
        }
    }

    /** Pauses a deterministic run before its next operation. */
    public void pause() {
        if (canPause.get()) {
            child.pause();
            status.set(Status.PAUSED);
        }
    }

    public void resume() {
        if (status.get() == Status.PAUSED && child != null) {
            child.resume();
            status.set(Status.RUNNING);
        }
    }

    /** Lets a paused run go on to its next engine operation. */
    public void step() {
        if (status.get() == Status.PAUSED && child != null) {
            child.step();
        }
    }

    /** Runs goroutine {@code g} next, up to its next engine operation (it must be runnable). */
    public void step(long g) {
        if (status.get() == Status.PAUSED && child != null) {
            child.step(g);
        }
    }

    /** Destroys the child, whatever it does; the run ends as {@link RunEnd.Kind#STOPPED}. */
    public void stop() {
        if (child != null) {
            ChildRun stopping = child;
            background.execute(stopping::stop);
        }
    }

    /** Stops the child at once if one runs, on this thread; for closing the window. */
    public void close() {
        generation++;
        stopChild();
    }

    private void stopChild() {
        if (child != null) {
            child.close();
            child = null;
        }
    }

    private void applySpeed() {
        FrameAdapter adapter = frames.get();
        double opsPerSecond = speed.get();
        adapter.speedProperty().set(opsPerSecond);
        if (child != null && childDeterministic) {
            child.delay(opsPerSecond <= 0 ? Duration.ZERO : Duration.ofMillis(Math.round(1000 / opsPerSecond)));
        }
    }

    private Map<String, String> metadataOf(String className, boolean deterministic) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Trace.PROGRAM, className);
        m.put(Trace.MODE, deterministic ? "deterministic" : "real");
        m.put(Trace.SEED, Long.toString(seed.get()));
        m.put(Trace.PROCS, Integer.toString(procs.get()));
        m.put(Trace.CLOCK, deterministic || clock.get() == ClockMode.VIRTUAL ? "virtual" : "real");
        return m;
    }

    // ---------------------------------------------------------------- commands: saved runs

    /**
     * Opens a saved run for replay. A damaged file shows what could be read before the damage, and
     * says so; a file that is no run at all leaves the present run as it is (a live one goes on),
     * and says so. The file is only read: it is the learner's, wherever they keep it.
     */
    public void openRun(Path file) {
        long run = ++opening; // the present run goes on until the file proves to be a run
        background.execute(() -> {
            List<Traced> events = new ArrayList<>();
            Map<String, String> read;
            Notice problem = null;
            try (InputStream in = Files.newInputStream(file); TraceReader reader = new TraceReader(in)) {
                read = reader.metadata();
                try {
                    for (Traced t = reader.next(); t != null; t = reader.next()) {
                        events.add(t);
                    }
                } catch (IOException e) {
                    problem = Notice.error("notice.runDamaged", file.getFileName().toString(), events.size(),
                            String.valueOf(e.getMessage()));
                }
            } catch (IOException | RuntimeException e) {
                Notice notRun = Notice.error("notice.runUnreadable", file.getFileName().toString(),
                        String.valueOf(e.getMessage()));
                ui.execute(() -> {
                    if (run == opening) {
                        notice.set(notRun);
                    }
                });
                return;
            }
            Notice told = problem != null ? problem : Notice.info("notice.runOpened", file.getFileName().toString(),
                    events.size());
            ui.execute(() -> opened(run, read, events, told));
        });
    }

    private void opened(long run, Map<String, String> read, List<Traced> events, Notice told) {
        if (run != opening) {
            return;
        }
        stopChild();
        generation++;
        FrameAdapter adapter = new FrameAdapter(RunModel.of(events));
        metadata = read;
        diagnostics.clear();
        program.set(read.getOrDefault(Trace.PROGRAM, ""));
        childDeterministic = false;
        frames.set(adapter);
        adapter.speedProperty().set(0);
        RunEnd ending = null;
        if (!events.isEmpty() && events.getLast().event() instanceof Event.Exit(int s, String report)) {
            ending = RunEnd.of(new ChildOutcome.Exited(s, report));
        }
        end.set(ending);
        notice.set(told);
        status.set(Status.ENDED);
    }

    /** Saves the present run's events (as far as they go) to {@code file}; the result is a notice. */
    public void saveRun(Path file) {
        Trace trace = currentTrace();
        background.execute(() -> {
            Notice told;
            try {
                TraceWriter.write(trace, file);
                told = Notice.info("notice.runSaved", file.getFileName().toString(), trace.events().size());
            } catch (IOException | RuntimeException e) {
                told = Notice.error("notice.saveFailed", file.getFileName().toString(), String.valueOf(e.getMessage()));
            }
            Notice result = told;
            ui.execute(() -> notice.set(result));
        });
    }

    /** Exports the present run as Perfetto / Chrome JSON (deterministic runs on the event axis). */
    public void exportPerfetto(Path file) {
        Trace trace = currentTrace();
        PerfettoExport.TimeAxis axis = "deterministic".equals(trace.metadata().get(Trace.MODE))
                ? PerfettoExport.TimeAxis.SEQUENCE : PerfettoExport.TimeAxis.CLOCK;
        background.execute(() -> {
            Notice told;
            try {
                PerfettoExport.write(trace, axis, file);
                told = Notice.info("notice.exported", file.getFileName().toString());
            } catch (IOException | RuntimeException e) {
                told = Notice.error("notice.saveFailed", file.getFileName().toString(), String.valueOf(e.getMessage()));
            }
            Notice result = told;
            ui.execute(() -> notice.set(result));
        });
    }

    /** The present run's events so far, with what it was. Owner thread: reads the model. */
    public Trace currentTrace() {
        return new Trace(metadata, List.copyOf(frames.get().model().events()));
    }

    // ---------------------------------------------------------------- queries

    /** The first lines the present run printed (up to a thousand), in order. Any thread. */
    public List<String> outputLines() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /**
     * The line of the learner's file ({@code program}.java) where goroutine {@code g} was at event
     * {@code seq}: the line of its latest event there at or before {@code seq}. Deterministic runs
     * only (the engine records lines there).
     */
    public OptionalInt sourceLine(long g, long seq) {
        String file = program.get() + ".java:";
        List<Traced> events = frames.get().model().events();
        for (int i = (int) Math.min(seq, events.size()) - 1; i >= 0; i--) {
            Traced t = events.get(i);
            String top = t.top();
            if (t.g() == g && top != null && top.startsWith(file)) {
                try {
                    return OptionalInt.of(Integer.parseInt(top.substring(file.length())));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }
}
