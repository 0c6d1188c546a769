package loomlab.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import loomlab.app.viewmodel.RunViewModel.Status;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.VisualState;
import loomlab.visualizer.views.FrameAdapter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run controls without a screen: real child JVMs, the test thread standing in for the FX thread. */
class RunViewModelTest {
    static final String HELLO = """
            import static loomlab.engine.Go.*;
            import loomlab.engine.Chan;
            public class Hello {
                public static void main(String[] args) {
                    Chan<String> ch = Chan.make("greetings", 1);
                    go("greeter", () -> ch.send("hello"));
                    println(ch.recv());
                    println("bye");
                }
            }
            """;

    @TempDir
    Path dir;
    private final UiThread ui = new UiThread();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private RunViewModel vm;
    private long pulseNanos;

    @BeforeEach
    void createViewModel() {
        vm = new RunViewModel(ui.executor(), background, dir.resolve("classes"));
    }

    @AfterEach
    void stopEverything() {
        vm.close();
        background.shutdownNow();
    }

    @Test
    void compileErrorIsMarkedAtItsLineAndNoRunStarts() throws Exception {
        FrameAdapter before = vm.framesProperty().get();

        vm.run("Broken", "public class Broken {\n  public static void main(String[] a) {\n    int x = \"no\";\n  }\n}\n");
        ui.runUntil(() -> vm.statusProperty().get() == Status.IDLE);

        assertEquals(3, vm.diagnostics().getFirst().line());
        assertTrue(vm.diagnostics().getFirst().error());
        assertEquals("notice.compileFailed", vm.noticeProperty().get().key());
        assertEquals(List.of(1L), vm.noticeProperty().get().args());
        assertSame(before, vm.framesProperty().get(), "no run started");
    }

    @Test
    void runPrintsIntoTheModelAndEndsWithStatusZero() throws Exception {
        vm.run("Hello", HELLO);
        ui.runUntil(() -> vm.statusProperty().get() == Status.ENDED);

        VisualState last = drain();
        assertEquals(RunEnd.Kind.EXITED, vm.endProperty().get().kind());
        assertEquals(List.of("hello", "bye"), last.output().stream().map(Event.Output::text).toList());
        assertEquals("greetings", last.channels().getFirst().name());
    }

    @Test
    void stepModeStartsPausedAndEachStepRunsOneMoreOperation() throws Exception {
        vm.stepModeProperty().set(true);
        vm.run("Hello", HELLO);
        ui.runUntil(() -> vm.statusProperty().get() == Status.PAUSED);
        long[] sizes = new long[4];
        sizes[0] = drain().seq();

        for (int i = 1; i <= 3; i++) {
            vm.step();
            long previous = sizes[i - 1];
            ui.runUntil(() -> drain().seq() > previous);
            sizes[i] = drain().seq();
        }
        vm.resume();
        ui.runUntil(() -> vm.statusProperty().get() == Status.ENDED);

        assertTrue(sizes[1] > sizes[0] && sizes[2] > sizes[1] && sizes[3] > sizes[2], Arrays.toString(sizes));
        assertEquals(RunEnd.Kind.EXITED, vm.endProperty().get().kind());
    }

    @Test
    void deadlockNamesTheGoroutinesInvolved() throws Exception {
        vm.run("Stuck", """
                import loomlab.engine.Chan;
                public class Stuck {
                    public static void main(String[] args) {
                        Chan<String> ch = Chan.make();
                        ch.send("nobody listens");
                    }
                }
                """);
        ui.runUntil(() -> vm.statusProperty().get() == Status.ENDED);

        RunEnd end = vm.endProperty().get();
        assertEquals(RunEnd.Kind.DEADLOCK, end.kind());
        assertEquals(2, end.status());
        assertEquals(List.of(1L), end.deadlocked());
        assertTrue(end.report().contains("all goroutines are asleep"), end.report());
    }

    @Test
    void stopEndsASpinningProgramPromptly() throws Exception {
        vm.modeProperty().set(loomlab.engine.RunMode.REAL);
        vm.run("Spin", """
                import static loomlab.engine.Go.*;
                public class Spin {
                    public static void main(String[] args) {
                        println("spinning");
                        while (true) { }
                    }
                }
                """);
        ui.runUntil(() -> vm.statusProperty().get() == Status.RUNNING && drain().output().size() == 1);

        long stopAt = System.nanoTime();
        vm.stop();
        ui.runUntil(() -> vm.statusProperty().get() == Status.ENDED, Duration.ofSeconds(5));

        assertEquals(RunEnd.Kind.STOPPED, vm.endProperty().get().kind());
        // The loop never ends by itself: the bound (wide, for a loaded CI machine) catches a stop that waits.
        assertTrue(System.nanoTime() - stopAt < 3_000_000_000L, "stopped promptly: " + (System.nanoTime() - stopAt) / 1_000_000 + " ms");
    }

    @Test
    void aSavedRunOpensAgainWithTheSameEvents() throws Exception {
        vm.run("Hello", HELLO);
        ui.runUntil(() -> vm.statusProperty().get() == Status.ENDED);
        drain();
        List<Traced> original = List.copyOf(vm.framesProperty().get().model().events());
        Path saved = dir.resolve("hello.run");

        vm.saveRun(saved);
        ui.runUntil(() -> vm.noticeProperty().get() != null && vm.noticeProperty().get().key().equals("notice.runSaved"));
        vm.openRun(saved);
        ui.runUntil(() -> vm.noticeProperty().get().key().equals("notice.runOpened"));

        assertEquals(original, vm.framesProperty().get().model().events());
        assertEquals("Hello", vm.programProperty().get());
        assertEquals(RunEnd.Kind.EXITED, vm.endProperty().get().kind());

        Path json = dir.resolve("hello.json");
        vm.exportPerfetto(json);
        ui.runUntil(() -> vm.noticeProperty().get().key().equals("notice.exported"));
        assertTrue(Files.readString(json).contains("traceEvents"));
    }

    @Test
    void aDamagedRunShowsWhatCouldBeReadAndSaysSo() throws Exception {
        vm.run("Hello", HELLO);
        ui.runUntil(() -> vm.statusProperty().get() == Status.ENDED);
        drain();
        Path saved = dir.resolve("cut.run");
        vm.saveRun(saved);
        ui.runUntil(() -> vm.noticeProperty().get() != null);
        byte[] whole = Files.readAllBytes(saved);
        Files.write(saved, Arrays.copyOf(whole, whole.length - 10));

        vm.openRun(saved);
        ui.runUntil(() -> vm.noticeProperty().get().key().equals("notice.runDamaged"));

        assertTrue(vm.noticeProperty().get().error());
        assertFalse(vm.framesProperty().get().model().events().isEmpty(), "the events before the damage are shown");
    }

    @Test
    void aFileThatIsNoRunLeavesThePresentRunAndSaysSo() throws Exception {
        Path junk = Files.writeString(dir.resolve("notes.run"), "these are my notes, not a run");
        FrameAdapter before = vm.framesProperty().get();

        vm.openRun(junk);
        ui.runUntil(() -> vm.noticeProperty().get() != null);

        assertEquals("notice.runUnreadable", vm.noticeProperty().get().key());
        assertSame(before, vm.framesProperty().get());
    }

    @Test
    void aFileThatIsNoRunLeavesALiveRunGoingAndTheFileAsItWas() throws Exception {
        vm.stepModeProperty().set(true);
        vm.run("Hello", HELLO);
        ui.runUntil(() -> vm.statusProperty().get() == Status.PAUSED);
        FrameAdapter live = vm.framesProperty().get();
        byte[] junk = {(byte) 0xCA, (byte) 0xFE, 0, 1, 2, 3, (byte) 0xFF};
        Path chosen = Files.write(dir.resolve("chosen.run"), junk);

        vm.openRun(chosen);
        ui.runUntil(() -> vm.noticeProperty().get() != null);

        assertEquals("notice.runUnreadable", vm.noticeProperty().get().key());
        assertEquals("chosen.run", vm.noticeProperty().get().args().getFirst());
        assertSame(live, vm.framesProperty().get(), "the live run is still on show");
        assertEquals(Status.PAUSED, vm.statusProperty().get());
        assertTrue(Arrays.equals(junk, Files.readAllBytes(chosen)), "the learner's file is neither moved nor changed");
        long before = drain().seq();
        vm.step();
        ui.runUntil(() -> drain().seq() > before); // and it still steps
    }

    @Test
    void aRunPastTheHistoryLimitIsStoppedThereAndTheLearnerToldWhy() throws Exception {
        vm.close();
        vm = new RunViewModel(ui.executor(), background, dir.resolve("classes"), 500);
        vm.run("Spin", """
                import static loomlab.engine.Go.*;
                import loomlab.engine.Chan;
                public class Spin {
                    public static void main(String[] args) {
                        Chan<Integer> ticks = Chan.make("ticks", 0);
                        go("producer", () -> { for (int i = 0; ; i++) ticks.send(i); });
                        for (;;) { ticks.recv(); }
                    }
                }
                """);
        ui.runUntil(() -> vm.statusProperty().get() == Status.ENDED);

        assertEquals(RunEnd.Kind.STOPPED, vm.endProperty().get().kind());
        assertEquals("notice.historyFull", vm.noticeProperty().get().key());
        assertEquals(List.of(500L), vm.noticeProperty().get().args());
        assertEquals(500, drain().seq(), "the history ends at the limit");
        assertEquals(500, vm.currentTrace().events().size());
    }

    /** Moves the events that arrived into the model, as a frame would, and returns the latest state. */
    private VisualState drain() {
        FrameAdapter frames = vm.framesProperty().get();
        pulseNanos += 1_000_000_000L;
        frames.pulse(pulseNanos);
        assertNotNull(frames.model());
        return frames.model().latest();
    }
}
