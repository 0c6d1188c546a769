package loomlab.visualizer.views;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The scheduler view, given a canned run, at moments picked by the events that make them. */
@ExtendWith(ApplicationExtension.class)
class SchedulerViewTest {
    private SchedulerView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new SchedulerView();
        scene = new Scene(new ScrollPane(view), 900, 620);
        scene.getStylesheets().add(SchedulerView.class.getResource("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Main hands a value to a receiver, a sleeper sleeps, a worker yields; all report on fin. */
    static List<Traced> run() {
        return recorded();
    }

    private static List<Traced> run0() {
        return recordReal(() -> {
            Chan<Integer> ch = Chan.make();
            Chan<Integer> fin = Chan.make(3);
            go("receiver", () -> fin.send(ch.recv()));
            go("sleeper", () -> {
                Time.sleep(Duration.ofMillis(5));
                fin.send(0);
            });
            go("worker", () -> {
                loomlab.engine.Go.yield();
                fin.send(1);
            });
            for (int w = 0; w < 5; w++) {
                go("spinner", () -> {
                    for (int i = 0; i < 3; i++) {
                        loomlab.engine.Go.yield();
                    }
                });
            }
            Time.sleep(Duration.ofMillis(1));
            ch.send(7);
            for (int i = 0; i < 3; i++) {
                fin.recv();
            }
        });
    }

    /**
     * The events of one run on Go's G-M-P scheduler ({@code REAL} mode): deterministic mode runs
     * one goroutine at a time and has no Ps or Ms to draw. The interleaving varies, so each test
     * picks its moment by the event that makes it, never by seq number. Recorded once per class.
     *
     * <p>Each attempt runs on a daemon thread with a deadline: a traced REAL run can hang in the
     * engine (an M parked in {@code Runtime.emit} from {@code GmpScheduler.tryFind}), and a view
     * test should say so rather than hang the build.
     */
    static synchronized List<Traced> recordReal(Runnable program) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Traced> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread t = new Thread(() -> loomlab.engine.Runtime.builder().mode(loomlab.engine.RunMode.REAL)
                    .procs(CannedRuns.PROCS).events(events::add)
                    .out(new java.io.PrintStream(new java.io.ByteArrayOutputStream()))
                    .build().start(program), "scheduler-view-test-run");
            t.setDaemon(true);
            t.start();
            try {
                t.join(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (!t.isAlive()) {
                return events.stream().sorted(java.util.Comparator.comparingLong(Traced::seq)).toList();
            }
        }
        throw new AssertionError("a traced REAL-mode run of the engine did not finish in 10 s, three times");
    }

    private static List<Traced> recorded;

    private static synchronized List<Traced> recorded() {
        if (recorded == null) {
            recorded = run0();
        }
        return recorded;
    }

    /** The seq of the first event {@code which} accepts. */
    static long seqOf(List<Traced> run, Predicate<Event> which) {
        return run.stream().filter(t -> which.test(t.event())).findFirst().orElseThrow().seq();
    }

    /** The moment with the most goroutines queued, running or parked: the most to look at. */
    static VisualState busiestMoment(RunModel model) {
        VisualState best = model.stateAt(1);
        int most = -1;
        for (long seq = 1; seq <= model.size(); seq++) {
            VisualState s = model.stateAt(seq);
            int n = s.globalRunq().size() + s.blockedByReason().size();
            for (VisualState.Processor p : s.processors()) {
                n += p.runq().size() + (p.runnext() != 0 ? 1 : 0) + (p.running() != 0 ? 2 : 0);
            }
            if (n > most) {
                most = n;
                best = s;
            }
        }
        return best;
    }

    static void assertInside(Node view, String container, long g) {
        Node box = view.lookup("#" + container);
        assertNotNull(box, container + " is drawn");
        assertNotNull(box.lookup("#g-" + g), "g" + g + " is inside " + container);
        assertEquals(1, view.lookupAll("#g-" + g).size(), "g" + g + " has one token");
    }

    private void show(FxRobot robot, VisualState s) {
        robot.interact(() -> view.show(s));
    }

    @Test
    void aGoroutineInALocalQueueSitsInThatQueue(FxRobot robot) {
        RunModel model = RunModel.of(run());
        VisualState queued = null;
        for (long seq = 1; seq <= model.size() && queued == null; seq++) {
            VisualState s = model.stateAt(seq);
            if (s.processors().stream().anyMatch(p -> !p.runq().isEmpty())) {
                queued = s;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(queued != null, "this interleaving queued nothing locally");
        VisualState.Processor p = queued.processors().stream().filter(x -> !x.runq().isEmpty()).findFirst().orElseThrow();

        show(robot, queued);

        assertInside(view, "p-" + p.id() + "-runq", p.runq().getFirst());
    }

    @Test
    void aGoroutineInRunnextSitsInTheRunnextSlot(FxRobot robot) {
        List<Traced> run = run();
        Traced push = run.stream().filter(t -> t.event() instanceof Event.RunqPush p && p.runnext())
                .findFirst().orElseThrow();
        Event.RunqPush e = (Event.RunqPush) push.event();

        show(robot, RunModel.of(run).stateAt(push.seq()));

        assertInside(view, "p-" + e.p() + "-runnext", e.g());
    }

    @Test
    void aRunningGoroutineSitsOnItsMWhichSitsOnItsP(FxRobot robot) {
        List<Traced> run = run();
        Traced start = run.stream().filter(t -> t.event() instanceof Event.GoStart).skip(2).findFirst().orElseThrow();

        show(robot, RunModel.of(run).stateAt(start.seq()));

        long g = ((Event.GoStart) start.event()).g();
        assertInside(view, "m-" + start.m() + "-running", g);
        assertNotNull(view.lookup("#p-" + start.p()).lookup("#m-" + start.m()), "the M is drawn on the P it holds");
    }

    @Test
    void everyParkedGoroutineSitsInTheGroupOfItsWaitReason(FxRobot robot) {
        List<Traced> run = run();
        RunModel model = RunModel.of(run);
        List<Traced> blocks = run.stream().filter(t -> t.event() instanceof Event.GoBlock).toList();
        assertTrue(blocks.stream().anyMatch(t -> ((Event.GoBlock) t.event()).reason().equals("sleep")), "the sleeper sleeps");

        for (Traced t : blocks) {
            Event.GoBlock b = (Event.GoBlock) t.event();
            show(robot, model.stateAt(t.seq()));
            assertInside(view, "blocked-" + b.reason().replace(' ', '-'), b.g());
        }
        show(robot, model.latest());
        assertNull(view.lookup("#g-3"), "a goroutine that returned has no token");
    }

    @Test
    void theSelectedGoroutineIsHighlighted(FxRobot robot) {
        List<Traced> run = run();
        show(robot, RunModel.of(run).stateAt(seqOf(run, e -> e instanceof Event.GoBlock b && b.g() == 3)));

        robot.interact(() -> view.highlight(3));

        assertTrue(view.lookup("#g-3").getPseudoClassStates().contains(SchedulerViewTokens.SELECTED));
        assertTrue(view.lookupAll(".goroutine-token").stream().filter(n -> n.getPseudoClassStates()
                .contains(SchedulerViewTokens.SELECTED)).count() == 1, "only g3 is selected");
    }

    @Test
    void aboveTwoHundredGoroutinesQueuesShowCounts(FxRobot robot) {
        RunModel model = CannedRuns.manyGoroutines(300);
        VisualState crowded = null;
        for (long seq = model.size(); seq > 0 && crowded == null; seq -= 50) {
            VisualState s = model.stateAt(seq);
            if (s.goroutines().stream().filter(g -> g.state() != VisualState.State.DEAD).count() > 250) {
                crowded = s;
            }
        }
        assertNotNull(crowded, "the run has a crowded moment");
        VisualState shown = crowded;

        show(robot, shown);

        assertTrue(view.lookupAll(".goroutine-token").size() <= 2 * shown.processors().size() + shown.machines().size(),
                "only runnext and running goroutines keep tokens");
        assertTrue(view.lookupAll(".count").size() > 0, "queues show counts");
    }

    @Test
    void aStepAnimatesTheTokensThatMovedAndEndsWhereShowWould(FxRobot robot) {
        RunModel model = RunModel.of(run());
        VisualState after = busiestMoment(model);
        VisualState before = model.stateAt(after.seq() - 1);

        robot.interact(() -> view.animate(before, after, javafx.util.Duration.millis(200)));

        for (VisualState.Processor p : after.processors()) {
            for (long g : p.runq()) {
                assertInside(view, "p-" + p.id() + "-runq", g);
            }
        }
    }

    /** Two Ps and Ms; P0 runs g1 and queues g3..g6; P1 is idle and steals half of P0's queue. */
    private static List<Traced> stealRun() {
        List<Event> events = new java.util.ArrayList<>(List.of(new Event.MStart(0), new Event.MStart(1)));
        for (long g = 1; g <= 6; g++) {
            events.add(new Event.GoCreate(g, g == 1 ? 0 : 1, null));
        }
        events.add(new Event.RunqPush(0, 1, false));
        events.add(new Event.RunqPop(0, 1, false));
        events.add(new Event.GoStart(1));
        for (long g = 3; g <= 6; g++) {
            events.add(new Event.RunqPush(0, g, false));
        }
        events.add(new Event.RunqSteal(0, 1, List.of(5L, 6L)));
        List<Traced> run = new java.util.ArrayList<>();
        for (Event e : events) {
            int p = e instanceof Event.RunqSteal || e instanceof Event.MStart m && m.m() == 1 ? 1 : 0;
            run.add(new Traced(run.size() + 1, 0, e instanceof Event.GoStart ? 1 : 0, p, p, null, e));
        }
        return run;
    }

    @Test
    void onTheGmpSchedulerTheNewestGoroutineWaitsInRunnextAndTheOthersInTheQueueInOrder(FxRobot robot) throws Exception {
        // Lesson 9's first program, on the GMP scheduler with one P (real mode, virtual clock).
        List<Traced> run = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        loomlab.engine.Runtime.builder().mode(loomlab.engine.RunMode.REAL).clock(loomlab.engine.ClockMode.VIRTUAL)
                .procs(1).events(run::add).out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .build().start(() -> {
                    loomlab.engine.WaitGroup wg = new loomlab.engine.WaitGroup();
                    for (int i = 0; i < 3; i++) {
                        wg.add(1);
                        go("worker-" + i, wg::done);
                    }
                    wg.await();
                });
        List<Traced> events = List.copyOf(run);
        long mainBlocks = seqOf(events, e -> e instanceof Event.GoBlock b && b.g() == 1);

        VisualState s = RunModel.of(events).stateAt(mainBlocks);
        show(robot, s);

        assertEquals(4, s.processor(0).runnext(), "worker-2 (g4), started last, waits in runnext");
        assertEquals(List.of(2L, 3L), s.processor(0).runq(), "worker-0 and worker-1 wait in the queue, in order");
        assertInside(view, "p-0-runnext", 4);
        assertInside(view, "p-0-runq", 2);
        assertInside(view, "p-0-runq", 3);
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("scheduler-runnext-gmp.png"));
    }

    @Test
    void aStealFliesTheStolenTokensFromTheVictimsQueueToTheThief(FxRobot robot) {
        List<Traced> run = stealRun();
        RunModel model = RunModel.of(run);
        VisualState after = model.stateAt(run.size());
        VisualState before = model.stateAt(run.size() - 1);
        assertEquals(List.of(5L, 6L), after.processor(1).runq());

        robot.interact(() -> view.animate(before, after, javafx.util.Duration.seconds(30)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertInside(view, "p-1-runq", 5);
        assertInside(view, "p-1-runq", 6);
        assertInside(view, "p-0-runq", 3);
        Node stolen = view.lookup("#p-1-runq").lookup("#g-5");
        assertTrue(stolen.getTranslateX() != 0 || stolen.getTranslateY() != 0,
                "g5 is on its way from P0's queue, not already at P1's");
        Node stayed = view.lookup("#p-0-runq").lookup("#g-3");
        assertEquals(0, stayed.getTranslateX());
        assertEquals(0, stayed.getTranslateY());
    }

    @Test
    void aSyscallHandOffFliesTheStuckMOutOfItsPAndAnotherMIn(FxRobot robot) {
        // given: M0 runs g1 on P0; M1 is a spare without a P
        List<Event> events = List.of(new Event.MStart(0), new Event.MStart(1), new Event.GoCreate(1, 0, "main"),
                new Event.RunqPush(0, 1, false), new Event.RunqPop(0, 1, false), new Event.GoStart(1),
                new Event.GoBlock(1, "syscall", 0), new Event.Handoff(0, 0, 1));
        List<Traced> run = new java.util.ArrayList<>();
        for (Event e : events) {
            boolean spare = e instanceof Event.MStart m && m.m() == 1;
            run.add(new Traced(run.size() + 1, 0, e instanceof Event.GoStart || e instanceof Event.GoBlock ? 1 : 0,
                    spare ? -1 : 0, spare ? 1 : 0, null, e));
        }
        RunModel model = RunModel.of(run);
        VisualState before = model.stateAt(run.size() - 1);
        VisualState after = model.stateAt(run.size());
        assertEquals(1, after.processor(0).m(), "P0 is M1's now");

        // when
        robot.interact(() -> view.animate(before, after, javafx.util.Duration.seconds(30)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        // then: M1 sits in P0's slot, M0 (still in the syscall, with g1) among the Ms without a P,
        // and both cards are on their way there
        Node m1 = view.lookup("#p-0-m").lookup("#m-1");
        Node m0 = view.lookup("#idle-ms").lookup("#m-0");
        assertNotNull(m1, "M1 took P0");
        assertNotNull(m0, "M0 gave P0 up");
        assertTrue(m0.getTranslateX() != 0 || m0.getTranslateY() != 0, "M0's card flies out of P0");
        assertTrue(m1.getTranslateX() != 0 || m1.getTranslateY() != 0, "M1's card flies into P0");
    }

    @Test
    void screenshotsInLightAndDark(FxRobot robot) throws Exception {
        VisualState s = busiestMoment(RunModel.of(run()));
        show(robot, s);
        robot.interact(() -> view.highlight(3));
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("scheduler-light.png"));
        robot.interact(() -> scene.getRoot().getStyleClass().add("dark"));
        ViewScreenshots.write(view, ViewScreenshots.DIR.resolve("scheduler-dark.png"));
    }
}
