package loomlab.visualizer.views;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;

/**
 * How long a frame of the goroutine table, timeline and console takes with 1,000 goroutines and 50
 * channels: not a test (a benchmark is never a timed unit test) but a program to run by hand.
 *
 * <p>The run: 1,000 goroutines each print a line and block on one of 50 channels. A frame is
 * {@code show(state)} on each view, then the CSS and layout pass JavaFX makes before it renders;
 * the state moves on one event per frame (step mode: the table's rows change every frame), then
 * 10 events per frame, then through the whole run (a live run). Rendering is not timed: it happens
 * after the frame's work, on the render thread. Run it from {@code visualizer/} with the test classpath:
 * <pre>java --add-opens java.base/java.lang=ALL-UNNAMED -cp target/classes:target/test-classes:… \
 *     loomlab.visualizer.views.FrameCostHarness</pre>
 */
public final class FrameCostHarness {
    private static final int GOROUTINES = 1000;
    private static final int CHANNELS = 50;
    private static final int FRAMES = 300;
    /** {@code -Dviews=table} (or timeline, console) times one view alone. */
    private static final String ONLY = System.getProperty("views");

    private FrameCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        RunModel run = RunModel.of(CannedRuns.record(FrameCostHarness::program));
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

    private static void program() {
        List<Chan<Integer>> gates = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            gates.add(Chan.make(c % 3));
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

    private static void measure(RunModel run, long crowded) {
        GoroutineTableView table = new GoroutineTableView();
        table.setRun(run);
        TimelineView timeline = new TimelineView(run);
        ConsoleView console = new ConsoleView();
        BorderPane root = new BorderPane(table, null, null, new VBox(timeline, console), null);
        timeline.setPrefHeight(300);
        console.setPrefHeight(200);
        Palette.applyTheme(root, false);
        Stage stage = new Stage();
        stage.setScene(new Scene(root, 1280, 900));
        stage.show();
        table.selectedGoroutineProperty().bindBidirectional(timeline.selectedGoroutineProperty());
        table.selectedGoroutineProperty().set(500);

        frames("warm-up", run, crowded - 2 * FRAMES, 1, table, timeline, console, root);
        frames("step mode, 1 event a frame", run, crowded - FRAMES, 1, table, timeline, console, root);
        frames("live, 10 events a frame", run, crowded - FRAMES * 10L, 10, table, timeline, console, root);
        long stride = Math.max(1, run.size() / FRAMES);
        frames("live, whole run, " + stride + " events a frame", run, 1, stride, table, timeline, console, root);
    }

    private static void frames(String name, RunModel run, long from, long step, GoroutineTableView table,
                               TimelineView timeline, ConsoleView console, BorderPane root) {
        double[] show = new double[FRAMES];
        double[] total = new double[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            long seq = Math.clamp(from + f * step, 0, run.size());
            VisualState state = run.stateAt(seq); // the model's work, not the views': outside the clock
            long t0 = System.nanoTime();
            if (ONLY == null || ONLY.equals("table")) {
                table.show(state);
            }
            if (ONLY == null || ONLY.equals("timeline")) {
                timeline.show(state);
            }
            if (ONLY == null || ONLY.equals("console")) {
                console.show(state);
            }
            long t1 = System.nanoTime();
            root.applyCss();
            root.layout();
            long t2 = System.nanoTime();
            show[f] = (t1 - t0) / 1e6;
            total[f] = (t2 - t0) / 1e6;
        }
        System.out.printf("%-40s show(): mean %.2f ms, p95 %.2f ms | show()+CSS+layout: mean %.2f ms, p95 %.2f ms%n",
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
