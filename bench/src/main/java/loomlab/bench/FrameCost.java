package loomlab.bench;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import loomlab.engine.Chan;
import loomlab.engine.RunMode;
import loomlab.engine.Runtime;
import loomlab.engine.Time;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;
import loomlab.visualizer.views.ChannelsView;
import loomlab.visualizer.views.ConsoleView;
import loomlab.visualizer.views.ContextTreeView;
import loomlab.visualizer.views.GoroutineTableView;
import loomlab.visualizer.views.Palette;
import loomlab.visualizer.views.SchedulerView;
import loomlab.visualizer.views.TimelineView;

/**
 * The per-frame work of the views with 1,000 goroutines and 50 channels ({@code ./loomlab bench
 * --frames}): a harness, not a test, since a benchmark is never a timed unit test. Target: under
 * 8 ms a frame, so that animation holds 60 fps (docs/benchmarks.md).
 *
 * <p>The run: 1,000 goroutines each print a line and block on one of 50 channels, which are then
 * closed. A frame is {@code show(state)} on all six views, then the CSS and layout passes JavaFX
 * makes in a pulse before it renders; rendering itself happens afterwards, on the render thread,
 * and is not timed. The passes are the scene's own ({@code Scene.doCSSPass}, {@code doLayoutPass},
 * reached by reflection: JavaFX is on the class path here): they visit only what changed, as a
 * pulse does. {@code Node.applyCss()} would not do: it restyles the whole subtree every call
 * (2,600 nodes of the channels view alone: 5-9 ms of work no pulse ever does).
 * The state moves on one event a frame (step mode), then ten (a live run), then through the whole
 * run. The model's {@code stateAt} is outside the clock: it is the model's work, measured by
 * {@link VisualModelBench}. {@code -Dviews=table} (or scheduler, channels, contexts, timeline,
 * console) times one view alone.
 */
public final class FrameCost {
    private static final int GOROUTINES = 1000;
    private static final int CHANNELS = 50;
    private static final int FRAMES = 300;
    private static final String ONLY = System.getProperty("views");

    private FrameCost() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        RunModel run = RunModel.of(record());
        long crowded = lastSeqBeforeFirstClose(run);
        VisualState peak = run.stateAt(crowded);
        System.out.printf("run: %d events; at #%d: %d goroutines, %d channels, %d lines%n", run.size(), crowded,
                peak.goroutines().size(), peak.channels().size(), peak.output().size());

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                measure(run, crowded);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get();
        Platform.exit();
    }

    private static List<Traced> record() {
        List<Traced> events = Collections.synchronizedList(new ArrayList<>());
        Runtime.builder().mode(RunMode.DETERMINISTIC).seed(3).procs(2).events(events::add)
                .out(new PrintStream(OutputStream.nullOutputStream())).build().start(FrameCost::program);
        return List.copyOf(events);
    }

    private static void program() {
        List<Chan<Integer>> gates = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            gates.add(Chan.make("gate-" + c, c % 3));
        }
        for (int i = 0; i < GOROUTINES; i++) {
            int id = i;
            go("worker-" + i, () -> {
                println("worker", id, "waiting on", id % CHANNELS);
                gates.get(id % CHANNELS).recvOk();
            });
        }
        Time.sleep(Duration.ofMillis(1));
        gates.forEach(Chan::close);
        Time.sleep(Duration.ofMillis(1));
    }

    /** One view and what a frame asks of it. */
    private record View(String name, Consumer<VisualState> show) {
    }

    private static void measure(RunModel run, long crowded) {
        GoroutineTableView table = new GoroutineTableView();
        table.setRun(run);
        TimelineView timeline = new TimelineView(run);
        ConsoleView console = new ConsoleView();
        SchedulerView scheduler = new SchedulerView();
        ChannelsView channels = new ChannelsView();
        ContextTreeView contexts = new ContextTreeView();
        GridPane root = new GridPane();
        root.add(new ScrollPane(scheduler), 0, 0);
        root.add(new ScrollPane(channels), 1, 0);
        root.add(new ScrollPane(contexts), 2, 0);
        root.add(table, 0, 1);
        root.add(timeline, 1, 1);
        root.add(console, 2, 1);
        timeline.setPrefSize(600, 300);
        console.setPrefSize(400, 300);
        Palette.applyTheme(root, false);
        Stage stage = new Stage();
        stage.setScene(new Scene(root, 1600, 1000));
        stage.show();
        table.selectedGoroutineProperty().bindBidirectional(timeline.selectedGoroutineProperty());
        table.selectedGoroutineProperty().set(500);

        List<View> views = List.of(new View("table", table::show), new View("timeline", timeline::show),
                new View("console", console::show), new View("scheduler", scheduler::show),
                new View("channels", channels::show), new View("contexts", contexts::show));
        List<View> timed = views.stream().filter(v -> ONLY == null || ONLY.equals(v.name())).toList();

        frames("warm-up", run, crowded - 2 * FRAMES, 1, timed, root);
        frames("step mode, 1 event a frame", run, crowded - FRAMES, 1, timed, root);
        frames("live, 10 events a frame", run, crowded - FRAMES * 10L, 10, timed, root);
        long stride = Math.max(1, run.size() / FRAMES);
        frames("live, whole run, " + stride + " events a frame", run, 1, stride, timed, root);
    }

    /** The scene's CSS and layout passes, as a pulse runs them. */
    private static void pulsePasses(Scene scene) {
        try {
            DO_CSS_PASS.invoke(scene);
            DO_LAYOUT_PASS.invoke(scene);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.lang.reflect.Method DO_CSS_PASS = sceneMethod("doCSSPass");
    private static final java.lang.reflect.Method DO_LAYOUT_PASS = sceneMethod("doLayoutPass");

    private static java.lang.reflect.Method sceneMethod(String name) {
        try {
            java.lang.reflect.Method m = Scene.class.getDeclaredMethod(name);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JavaFX's Scene has no " + name + "(): this harness needs updating", e);
        }
    }

    private static void frames(String name, RunModel run, long from, long step, List<View> views, GridPane root) {
        double[] show = new double[FRAMES];
        double[] total = new double[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            VisualState state = run.stateAt(Math.clamp(from + f * step, 0, run.size()));
            long t0 = System.nanoTime();
            for (View v : views) {
                v.show().accept(state);
            }
            long t1 = System.nanoTime();
            pulsePasses(root.getScene());
            long t2 = System.nanoTime();
            show[f] = (t1 - t0) / 1e6;
            total[f] = (t2 - t0) / 1e6;
        }
        System.out.printf("%-40s show(): mean %.2f ms, p95 %.2f ms | show()+CSS+layout passes: mean %.2f ms, p95 %.2f ms%n",
                name, mean(show), p95(show), mean(total), p95(total));
    }

    private static long lastSeqBeforeFirstClose(RunModel run) {
        for (Traced t : run.events()) {
            if (t.event() instanceof Event.ChanClose) {
                return t.seq() - 1;
            }
        }
        return run.size();
    }

    private static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElse(0);
    }

    private static double p95(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.95)];
    }
}
