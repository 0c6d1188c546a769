package loomlab.visualizer.model;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import loomlab.engine.Chan;
import loomlab.engine.Context;
import loomlab.engine.Mutex;
import loomlab.engine.RunMode;
import loomlab.engine.Runtime;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;
import loomlab.engine.events.FoldedState;
import loomlab.engine.events.StateFold;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeking, on the events of real runs several snapshots long: the state reached by a seek, in any
 * order, equals the state folded from the start, and agrees with the engine's own fold.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung engine run fails, not hangs the build
class RunModelSeekTest {
    /** Messages the producers send: enough for several snapshot intervals of events. */
    private static final int MESSAGES = 1500;

    private static List<Traced> deterministic;
    private static List<Traced> parallel;

    @BeforeAll
    static void runPrograms() {
        deterministic = run(Runtime.builder().mode(RunMode.DETERMINISTIC).seed(7));
        parallel = run(Runtime.builder().mode(RunMode.REAL).procs(2));
    }

    /** Producers and consumers over a buffered and an unbuffered channel, select, a timeout, sleeps, a lock. */
    private static List<Traced> run(Runtime.Builder builder) {
        List<Traced> events = Collections.synchronizedList(new ArrayList<>());
        builder.events(events::add).out(new PrintStream(new ByteArrayOutputStream())).build().start(() -> {
            Chan<Integer> jobs = Chan.make(4);
            Chan<String> results = Chan.make();
            Context ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(3600));
            Mutex mu = new Mutex();
            int[] done = {0};
            WaitGroup producers = new WaitGroup();
            for (int p = 0; p < 2; p++) {
                int base = p * MESSAGES;
                producers.go(() -> {
                    for (int i = 0; i < MESSAGES / 2; i++) {
                        jobs.send(base + i);
                        if (i % 200 == 0) {
                            Time.sleep(Duration.ofMillis(1));
                        }
                    }
                });
            }
            go(() -> {
                producers.await();
                jobs.close();
            });
            for (int w = 0; w < 3; w++) {
                go(() -> {
                    for (Integer j : jobs) {
                        mu.lock();
                        done[0]++;
                        mu.unlock();
                        select(send(results, "r" + j), recv(ctx.done()));
                    }
                });
            }
            for (int i = 0; i < MESSAGES; i++) {
                select(recv(results, v -> {
                    if (v.hashCode() % 97 == 0) {
                        println(v);
                    }
                }), recv(Time.after(Duration.ofSeconds(60)), () -> println("timeout")));
            }
            Context quick = Context.withTimeout(ctx, Duration.ofMillis(5));
            select(recv(quick.done(), () -> println("cancelled:", quick.err())));
        });
        return List.copyOf(events);
    }

    @Test
    void theRunsAreLongEnoughAndCoverTheKinds() {
        for (List<Traced> run : List.of(deterministic, parallel)) {
            assertTrue(run.size() > 4 * RunModel.SNAPSHOT_INTERVAL, "only " + run.size() + " events");
        }
        Set<String> kinds = kinds(deterministic);
        kinds.addAll(kinds(parallel));
        for (String kind : List.of("GoCreate", "GoStart", "GoBlock", "GoUnblock", "GoEnd", "ChanMake", "ChanSend",
                "ChanRecv", "ChanClose", "WaiterEnqueue", "WaiterDequeue", "SelectBegin", "SelectChosen", "CtxCreate",
                "CtxCancel", "TimerStart", "Output", "Exit", "RunqPush", "RunqPop")) {
            assertTrue(kinds.contains(kind), kind + " missing from " + kinds);
        }
    }

    @Test
    void seekingInAnyOrderGivesTheStateFoldedFromTheStart() {
        for (List<Traced> run : List.of(deterministic, parallel)) {
            RunModel model = RunModel.of(run);
            Random random = new Random(42);
            TreeSet<Long> targets = new TreeSet<>();
            while (targets.size() < 300) {
                targets.add((long) random.nextInt(run.size() + 1));
            }
            targets.addAll(List.of(0L, 1L, (long) RunModel.SNAPSHOT_INTERVAL - 1, (long) RunModel.SNAPSHOT_INTERVAL,
                    (long) RunModel.SNAPSHOT_INTERVAL + 1, (long) run.size()));
            Map<Long, VisualState> fromStart = foldFromStart(run, targets);

            List<Long> order = new ArrayList<>(targets);
            Collections.shuffle(order, random);
            for (long seq : order) {
                assertEquals(fromStart.get(seq), model.stateAt(seq), "state at event " + seq);
            }
        }
    }

    @Test
    void steppingBackwardAndForwardAcrossASnapshotGivesTheSameStates() {
        RunModel model = RunModel.of(deterministic);
        long from = 2L * RunModel.SNAPSHOT_INTERVAL + 40;
        long to = 2L * RunModel.SNAPSHOT_INTERVAL - 40;
        TreeSet<Long> targets = new TreeSet<>();
        for (long s = to; s <= from; s++) {
            targets.add(s);
        }
        Map<Long, VisualState> fromStart = foldFromStart(deterministic, targets);

        for (long s = from; s >= to; s--) {
            assertEquals(fromStart.get(s), model.stateAt(s), "backward to " + s);
        }
        for (long s = to; s <= from; s++) {
            assertEquals(fromStart.get(s), model.stateAt(s), "forward to " + s);
        }
    }

    @Test
    void aModelFedLiveAgreesWithTheModelOfTheWholeRun() {
        RunModel live = new RunModel();
        RunModel whole = RunModel.of(deterministic);
        Random random = new Random(3);
        for (Traced e : deterministic) {
            live.append(e);
            if (random.nextInt(500) == 0) {
                long back = random.nextLong(e.seq() + 1);
                assertEquals(whole.stateAt(back), live.stateAt(back), "seek to " + back + " while at " + e.seq());
            }
        }
        assertEquals(whole.latest(), live.latest());
    }

    @Test
    void theModelAgreesWithTheEnginesOwnFold() {
        for (List<Traced> run : List.of(deterministic, parallel)) {
            RunModel model = RunModel.of(run);
            StateFold fold = new StateFold();
            Random random = new Random(5);
            for (Traced e : run) {
                fold.apply(e);
                if (random.nextInt(300) == 0 || e.seq() == run.size()) {
                    assertAgree(fold.snapshot(), model.stateAt(e.seq()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The states at {@code targets}, each from a fresh model fed from the first event: no snapshot, no seek. */
    private static Map<Long, VisualState> foldFromStart(List<Traced> run, TreeSet<Long> targets) {
        Map<Long, VisualState> states = new HashMap<>();
        RunModel scratch = new RunModel();
        if (targets.contains(0L)) {
            states.put(0L, scratch.latest());
        }
        for (Traced e : run) {
            if (e.seq() > targets.last()) {
                break;
            }
            scratch.append(e);
            if (targets.contains(e.seq())) {
                states.put(e.seq(), scratch.latest());
            }
        }
        return states;
    }

    private static void assertAgree(FoldedState engine, VisualState visual) {
        String at = " at event " + visual.seq();
        assertEquals(engine.seq(), visual.seq());
        assertEquals(engine.nanos(), visual.nanos(), "clock" + at);
        for (FoldedState.Goroutine g : engine.goroutines().values()) {
            VisualState.Goroutine v = visual.goroutine(g.id());
            assertEquals(g.state().name(), v.state().name(), "goroutine " + g.id() + at);
            assertEquals(g.waitReason(), v.waitReason(), "goroutine " + g.id() + at);
            assertEquals(g.p(), v.p(), "goroutine " + g.id() + at);
        }
        assertEquals(engine.goroutines().size(), visual.goroutines().size());
        for (FoldedState.Channel c : engine.channels().values()) {
            VisualState.Channel v = visual.channel(c.id());
            for (int slot = 0; slot < c.cap(); slot++) {
                assertEquals(c.buffer().get(slot), v.slots().get(slot), "channel " + c.id() + " slot " + slot + at);
            }
            assertEquals(c.buffer().size(), v.len());
            assertEquals(c.sendx(), v.sendx(), "channel " + c.id() + at);
            assertEquals(c.recvx(), v.recvx(), "channel " + c.id() + at);
            assertEquals(c.closed(), v.closed());
            assertEquals(c.sendq().stream().map(w -> new VisualState.Waiter(w.g(), w.value())).toList(), v.sendq());
            assertEquals(c.recvq().stream().map(FoldedState.Waiter::g).toList(), v.recvq());
        }
        for (FoldedState.Processor p : engine.processors().values()) {
            VisualState.Processor v = visual.processor(p.id());
            assertEquals(p.runnext(), v.runnext(), "P" + p.id() + at);
            assertEquals(p.running(), v.running(), "P" + p.id() + at);
        }
        assertEquals(engine.output(), visual.output());
        assertEquals(engine.contexts().keySet(), visual.contexts().stream().map(VisualState.Context::id)
                .filter(id -> id > 0).collect(Collectors.toSet()), "contexts, besides the implicit roots" + at);
        for (FoldedState.Timer t : engine.timers().values()) {
            VisualState.Timer v = visual.timer(t.id());
            assertEquals(List.of(t.when(), t.period(), t.active(), t.fired()),
                    List.of(v.when(), v.period(), v.active(), v.fired()), "timer " + t.id() + at);
        }
        assertEquals(engine.exit(), visual.exit());
    }

    private static Set<String> kinds(List<Traced> run) {
        return run.stream().map(e -> e.event().getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
