package loomlab.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loomlab.engine.events.Event;
import loomlab.engine.events.Trace;
import loomlab.engine.events.TraceReader;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RunMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsTheBundledPingPongExample() {
        assertEquals(0, run("../examples/PingPong.java"), err.toString());
        assertEquals("ball is now 1\nball is now 2\nball is now 3\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDeadlockExampleExitsTwoWithGosDump() {
        assertEquals(2, run("../examples/Deadlock.java"));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("fatal error: all goroutines are asleep - deadlock!", lines[0]);
        assertEquals("", lines[1]);
        assertEquals("goroutine 1 [chan send]:", lines[2]);
        assertEquals("Deadlock.main()", lines[3]);
        assertEquals("\tDeadlock.java:9", lines[4]);
    }

    @Test
    void aCompileErrorIsReportedAtItsLineAndExitsOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Broken.java");
        Files.writeString(file, "public class Broken {\n  public static void main(String[] a) {\n    int x = \"no\";\n  }\n}\n");
        assertEquals(1, run(file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Broken.java:3: error: incompatible types"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileOrClassIsNamed() {
        assertEquals(1, run("NoSuchFile.java"));
        assertEquals("loomlab run: no such file: NoSuchFile.java\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(1, run("no.such.Clazz"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("loomlab run: no class named no.such.Clazz"));
    }

    @Test
    void aStaticFieldIsInitializedInsideTheRunOnItsClock(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Since.java");
        Files.writeString(file, """
                import static loomlab.engine.Go.*;
                import java.time.Instant;
                import loomlab.engine.Time;
                public class Since {
                    static final Instant START = Time.now(); // the run's clock, not the machine's
                    public static void main(String[] args) {
                        Time.sleepMillis(250);
                        println(START, Time.format(Time.since(START)));
                    }
                }
                """);
        assertEquals(0, run("--mode", "deterministic", file.toString()), err.toString(StandardCharsets.UTF_8));
        assertEquals("2000-01-01T00:00:00Z 250ms\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStaticInitializerThatThrowsIsAPanicAtItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("BadInit.java");
        Files.writeString(file, """
                import static loomlab.engine.Go.*;
                public class BadInit {
                    static final int N = Integer.parseInt("x");
                    public static void main(String[] args) {
                        println("never", N);
                    }
                }
                """);
        assertEquals(2, run(file.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("panic: java.lang.NumberFormatException: For input string: \"x\"", lines[0]);
        assertEquals("goroutine 1 [running]:", lines[2]);
        assertTrue(List.of(lines).contains("\tBadInit.java:3"), String.join("\n", lines));
    }

    @Test
    void aPanicInTheProgramExitsTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Boom.java");
        Files.writeString(file, """
                import static loomlab.engine.Go.*;
                public class Boom {
                    public static void main(String[] args) {
                        throw panic("boom " + args.length);
                    }
                }
                """);
        assertEquals(2, run(file.toString(), "x"));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("panic: boom 1", lines[0]);
        assertEquals("goroutine 1 [running]:", lines[2]);
        assertEquals("Boom.main()", lines[3]);
        assertEquals("\tBoom.java:4", lines[4]);
    }

    /** Three goroutines race on a buffered channel, sleep on the virtual clock and print both ways. */
    static final String RACE = """
            import static loomlab.engine.Go.*;
            import java.time.Duration;
            import loomlab.engine.Chan;
            import loomlab.engine.Time;
            import loomlab.engine.WaitGroup;
            public class Race {
                public static void main(String[] args) {
                    Chan<Integer> ch = Chan.make(2);
                    WaitGroup wg = new WaitGroup();
                    for (int i = 1; i <= 3; i++) {
                        int n = i;
                        wg.go(() -> {
                            Time.sleep(Duration.ofMillis(10 * n));
                            ch.send(n);
                            System.out.println("sent " + n);
                        });
                    }
                    for (int i = 0; i < 3; i++) {
                        println("got", ch.recv());
                    }
                    wg.await();
                }
            }
            """;

    @Test
    void theTraceOptionWritesTheRunWithItsSettingsAndItsExit(@TempDir Path dir) throws IOException {
        // given
        Path program = write(dir, "Race.java", RACE);
        Path trace = dir.resolve("race.run");
        // when
        int status = run("--mode", "deterministic", "--seed", "7", "--procs", "3", "--trace", trace.toString(),
                program.toString());
        // then
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        Trace run = TraceReader.read(trace);
        assertEquals("Race.java", run.metadata().get(Trace.PROGRAM));
        assertEquals("deterministic", run.metadata().get(Trace.MODE));
        assertEquals("7", run.metadata().get(Trace.SEED));
        assertEquals("3", run.metadata().get(Trace.PROCS));
        assertEquals("virtual", run.metadata().get(Trace.CLOCK));
        Traced last = run.events().getLast();
        assertEquals(new Event.Exit(0, ""), last.event());
        assertEquals(6, run.events().stream().filter(t -> t.event() instanceof Event.Output).count(),
                "Go.println and System.out.println both become Output events");
        assertTrue(run.events().stream().anyMatch(t -> t.event() instanceof Event.Output o
                && o.text().startsWith("sent ") && o.g() == t.g() && t.g() > 1),
                "System.out's lines are tagged with the goroutine that printed them");
        assertEquals(6, out.toString(StandardCharsets.UTF_8).lines().count(), "and still reach the terminal");
    }

    @Test
    void theSameSeedGivesTheSameRunEventForEvent(@TempDir Path dir) throws IOException {
        Path program = write(dir, "Race.java", RACE);
        List<Traced> first = tracedRun(dir, program, "7", "a.run");
        List<Traced> second = tracedRun(dir, program, "7", "b.run");
        assertEquals(first, second);
        assertEquals(out.toString(StandardCharsets.UTF_8).lines().limit(6).toList(),
                out.toString(StandardCharsets.UTF_8).lines().skip(6).toList());
    }

    @Test
    void aDeadlockIsTheTracesLastWord(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("deadlock.run");
        assertEquals(2, run("--mode", "deterministic", "--trace", trace.toString(), "../examples/Deadlock.java"));
        Event.Exit exit = assertInstanceOf(Event.Exit.class, TraceReader.read(trace).events().getLast().event());
        assertEquals(2, exit.status());
        assertTrue(exit.report().startsWith("fatal error: all goroutines are asleep - deadlock!"), exit.report());
    }

    @Test
    void aBadCommandLineExitsTwoAndSaysWhy() {
        assertEquals(2, run("--procs", "x", "../examples/PingPong.java"));
        assertEquals("loomlab run: --procs must be a number from 1 to 256, not 'x'\n"
                + "(loomlab run --help lists the options)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--mode real|deterministic"));
    }

    @Test
    void anExampleIsFoundByItsId() {
        withExamples("../examples", () -> {
            assertEquals(0, run("pingpong"), err.toString(StandardCharsets.UTF_8));
            assertEquals("ball is now 1\nball is now 2\nball is now 3\n", out.toString(StandardCharsets.UTF_8));
            err.reset();
            assertEquals(1, run("NoSuchExample"));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("or an example: Deadlock, PingPong"),
                    err.toString(StandardCharsets.UTF_8));
        });
    }

    /** Runs {@code body} with the examples' directories set to {@code dirs}, then puts the setting back. */
    private static void withExamples(String dirs, Runnable body) {
        String previous = System.getProperty(Program.EXAMPLES_PROPERTY);
        System.setProperty(Program.EXAMPLES_PROPERTY, dirs);
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty(Program.EXAMPLES_PROPERTY);
            } else {
                System.setProperty(Program.EXAMPLES_PROPERTY, previous);
            }
        }
    }

    @Test
    void examplesAreLookedForInEveryDirectoryOfThePathList(@org.junit.jupiter.api.io.TempDir Path lesson)
            throws IOException {
        java.nio.file.Files.writeString(lesson.resolve("Hello.java"), """
                import static loomlab.engine.Go.*;
                public class Hello {
                    public static void main(String[] args) {
                        println("hello from a lesson");
                    }
                }
                """);
        withExamples("../examples" + java.io.File.pathSeparator + lesson, () -> {
            assertEquals(0, run("hello"), err.toString(StandardCharsets.UTF_8));
            assertEquals("hello from a lesson\n", out.toString(StandardCharsets.UTF_8));
            err.reset();
            assertEquals(1, run("NoSuchExample"));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("or an example: Deadlock, Hello, PingPong"),
                    err.toString(StandardCharsets.UTF_8));
        });
    }

    private List<Traced> tracedRun(Path dir, Path program, String seed, String name) throws IOException {
        Path trace = dir.resolve(name);
        assertEquals(0, run("--mode", "deterministic", "--seed", seed, "--trace", trace.toString(), program.toString()),
                err.toString(StandardCharsets.UTF_8));
        return TraceReader.read(trace).events();
    }

    static Path write(Path dir, String name, String source) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, source);
        return file;
    }
}
