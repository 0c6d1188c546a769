package loomlab.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.tools.ToolProvider;
import loomlab.engine.RunMode;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** End to end: each test starts a real child JVM, so they are few, and each program is small. */
@Timeout(60)
class ChildRunTest {
    @TempDir
    static Path classes;

    @BeforeAll
    static void compilePrograms(@TempDir Path sources) throws IOException {
        List<Path> files = List.of(
                write(sources, "Hello", """
                        import static loomlab.engine.Go.*;
                        public class Hello {
                            public static void main(String[] args) throws Exception {
                                var done = loomlab.engine.Chan.<String>make();
                                go(() -> { System.out.println("from a goroutine"); done.send("x"); });
                                done.recv();
                                println("hello", args.length);
                            }
                        }
                        """),
                write(sources, "Spin", """
                        public class Spin {
                            public static void main(String[] args) {
                                loomlab.engine.Go.println("spinning");
                                while (true) { }
                            }
                        }
                        """),
                write(sources, "Exit3", """
                        public class Exit3 {
                            public static void main(String[] args) {
                                loomlab.engine.Go.println("leaving");
                                System.exit(3);
                            }
                        }
                        """),
                write(sources, "Deep", """
                        public class Deep {
                            static int down(int n) { return down(n + 1) + 1; }
                            public static void main(String[] args) { down(0); }
                        }
                        """),
                write(sources, "Hog", """
                        public class Hog {
                            public static void main(String[] args) {
                                var all = new java.util.ArrayList<long[]>();
                                while (true) { all.add(new long[1 << 20]); }
                            }
                        }
                        """),
                write(sources, "Steps", """
                        import static loomlab.engine.Go.*;
                        public class Steps {
                            public static void main(String[] args) {
                                var ch = loomlab.engine.Chan.<Integer>make();
                                go(() -> { for (int i = 0; i < 3; i++) ch.send(i); ch.close(); });
                                for (int v : ch) println("got", v);
                            }
                        }
                        """));
        var javac = ToolProvider.getSystemJavaCompiler();
        String[] args = new String[files.size() + 4];
        args[0] = "-d";
        args[1] = classes.toString();
        args[2] = "-cp";
        args[3] = System.getProperty("java.class.path");
        for (int i = 0; i < files.size(); i++) {
            args[4 + i] = files.get(i).toString();
        }
        assertEquals(0, javac.run(null, null, null, args));
    }

    private final List<Traced> events = new CopyOnWriteArrayList<>();

    private ChildRun.Builder child() {
        return ChildRun.builder().classDir(classes).events(events::add);
    }

    @Test
    void aProgramStreamsItsEventsAndOutputAndExitsZero() throws Exception {
        try (ChildRun run = child().procs(2).start("Hello", "a", "b")) {
            assertEquals(new ChildOutcome.Exited(0, ""), run.outcome().get(30, TimeUnit.SECONDS));
            assertEquals("Hello", run.metadata().get("program"));
        }
        assertEquals(List.of("from a goroutine", "hello 2"), outputs());
        Traced fromGoroutine = events.stream().filter(t -> t.event() instanceof Event.Output o
                && o.text().equals("from a goroutine")).findFirst().orElseThrow();
        assertEquals(2, fromGoroutine.g(), "System.out's line is tagged with the goroutine that printed it");
        assertEquals(new Event.Exit(0, ""), events.getLast().event());
    }

    @Test
    void stopKillsASpinningProgramWithinASecond() throws Exception {
        CountDownLatch spinning = new CountDownLatch(1);
        try (ChildRun run = child().events(t -> {
            if (t.event() instanceof Event.Output) {
                spinning.countDown();
            }
        }).start("Spin")) {
            assertTrue(spinning.await(30, TimeUnit.SECONDS), "the program started");
            long start = System.nanoTime();
            run.stop();
            assertEquals(new ChildOutcome.Killed(), run.outcome().get(1, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void aProgramThatCallsSystemExitIsReportedAsSuch() throws Exception {
        try (ChildRun run = child().start("Exit3")) {
            ChildOutcome outcome = run.outcome().get(30, TimeUnit.SECONDS);
            assertEquals(new ChildOutcome.CalledExit(3), outcome);
            assertEquals("the program called System.exit(3)", ((ChildOutcome.CalledExit) outcome).message());
        }
        assertEquals(List.of("leaving"), outputs(), "the events before the exit arrive");
    }

    @Test
    void aStackOverflowIsAPanicOfItsGoroutine() throws Exception {
        try (ChildRun run = child().start("Deep")) {
            ChildOutcome.Exited exited = assertInstanceOf(ChildOutcome.Exited.class, run.outcome().get(30, TimeUnit.SECONDS));
            assertEquals(2, exited.status());
            assertTrue(exited.report().startsWith("panic: java.lang.StackOverflowError\n\ngoroutine 1 [running]:\n"),
                    exited.report());
        }
        assertTrue(events.stream().anyMatch(t -> t.event() instanceof Event.GoPanic p && p.g() == 1));
    }

    @Test
    void runningOutOfMemoryIsReported() throws Exception {
        try (ChildRun run = child().maxHeap("64m").start("Hog")) {
            ChildOutcome.Crashed crashed = assertInstanceOf(ChildOutcome.Crashed.class, run.outcome().get(30, TimeUnit.SECONDS));
            assertEquals("fatal error: runtime: out of memory (the program's heap is limited to 64m)", crashed.message());
            assertTrue(run.stderr().contains("OutOfMemoryError"), run.stderr());
        }
    }

    @Test
    void aDeterministicChildPausesStepsAndResumesOnCommand() throws Exception {
        try (ChildRun run = child().mode(RunMode.DETERMINISTIC).seed(7).paused(true).start("Steps")) {
            await(t -> t.event() instanceof Event.RunqPush p && p.g() == 1);
            assertTrue(events.stream().noneMatch(t -> t.event() instanceof Event.GoStart),
                    "nothing runs before the first step");
            run.step(); // main starts, and runs up to its next switch point
            await(t -> t.event() instanceof Event.GoStart);
            int afterOneStep = settled();
            run.step();
            await(t -> t.seq() > afterOneStep);
            settled();
            assertTrue(outputs().isEmpty(), "two steps do not reach the first println");
            run.resume();
            assertEquals(new ChildOutcome.Exited(0, ""), run.outcome().get(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of("got 0", "got 1", "got 2"), outputs());
    }

    @Test
    void aPausedChildRunsTheGoroutineTheUserPicksNext() throws Exception {
        try (ChildRun run = child().mode(RunMode.DETERMINISTIC).seed(7).paused(true).start("Steps")) {
            await(t -> t.event() instanceof Event.RunqPush p && p.g() == 1);
            // Step main until the sender it starts is runnable. Each step's events must all have
            // arrived before the next step: one step too many could let the policy run the sender.
            for (int i = 0; i < 20 && events.stream().noneMatch(t -> t.event() instanceof Event.GoCreate c && c.g() == 2);
                    i++) {
                int before = events.size();
                run.step();
                await(t -> t.seq() > before);
                settled();
            }
            int before = settled();
            assertTrue(events.stream().noneMatch(t -> t.event() instanceof Event.GoStart s && s.g() == 2),
                    "the sender has not run yet");
            run.step(2);
            await(t -> t.seq() > before && t.event() instanceof Event.GoStart);
            Event.GoStart next = (Event.GoStart) events.stream().skip(before).map(Traced::event)
                    .filter(e -> e instanceof Event.GoStart).findFirst().orElseThrow();
            assertEquals(2, next.g(), "the goroutine picked runs next: " + events.subList(before, events.size()));
            run.resume();
            assertEquals(new ChildOutcome.Exited(0, ""), run.outcome().get(30, TimeUnit.SECONDS));
        }
    }

    private List<String> outputs() {
        return events.stream().map(Traced::event).filter(e -> e instanceof Event.Output)
                .map(e -> ((Event.Output) e).text()).toList();
    }

    /**
     * The number of events once no more arrive for a while: a paused run stays put after a step
     * (a step's events may come in more than one flush). Nothing is ordered by this wait.
     */
    private int settled() throws InterruptedException {
        int before;
        do {
            before = events.size();
            Thread.sleep(20 * EventPipe.FLUSH_INTERVAL_NANOS / 1_000_000);
        } while (events.size() != before);
        return before;
    }

    private void await(Predicate<Traced> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.stream().noneMatch(what)) {
            assertTrue(System.nanoTime() < deadline, "timed out; events: " + events);
            Thread.sleep(5);
        }
    }

    private static Path write(Path dir, String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name + ".java"), source);
    }
}
