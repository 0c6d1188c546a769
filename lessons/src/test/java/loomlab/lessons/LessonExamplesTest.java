package loomlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import loomlab.engine.RunMode;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of every built-in lesson runs as its lesson says: compiled in memory, run in
 * deterministic mode in process with its stated seed and procs. Like Go's {@code // Output:}
 * examples, a lesson cannot go stale.
 */
@Timeout(60)
class LessonExamplesTest {
    /** The longest example a learner is asked to read in one step. */
    private static final int MAX_EXAMPLE_LINES = 40;
    private static final Map<String, ExampleRun> RUNS = new ConcurrentHashMap<>();

    /** One step with an example, and the facts its lesson states about the run. */
    record Case(String lesson, Step step, List<Fact> checks) {
        @Override
        public String toString() {
            return lesson + "/" + step.id() + " (" + step.example().className() + ")";
        }

        ExampleRun run() {
            return RUNS.computeIfAbsent(toString(), k -> ExampleRun.of(step.example()));
        }
    }

    static Stream<Arguments> examples() {
        List<Arguments> cases = new ArrayList<>();
        for (LessonLoader.Loaded l : LessonLoader.loadBuiltIn()) {
            for (Step s : l.lesson().steps()) {
                if (s.example() != null) {
                    cases.add(Arguments.of(new Case(l.lesson().id(), s, l.checks().get(s.id()))));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void printsExactlyItsExpectedOutputAndExitsWithItsStatus(Case c) {
        ExampleRun run = c.run();
        Example e = c.step().example();
        assertEquals(e.expectedOutput(), run.output(), c + " printed otherwise; stderr:\n" + run.err());
        assertEquals(e.expectedStatus(), run.result().exitStatus(), c + ": " + run.result().outcome());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void sameSeedGivesTheSameOutputAndEventsTwice(Case c) {
        ExampleRun first = c.run();
        ExampleRun again = ExampleRun.of(c.step().example());
        assertEquals(first.output(), again.output());
        if (c.step().example().mode() == RunMode.REAL && c.step().example().procs() > 1) {
            return; // Ps in parallel: a race by design; the output above is all that must repeat
        }
        if (c.step().example().mode() == RunMode.REAL) {
            // One P runs the goroutines in the scheduler's order; only when idle carriers park and
            // wake is a matter of the machine's threads.
            assertEquals(goroutineEvents(first), goroutineEvents(again), c + ": the event sequences differ");
        } else {
            assertEquals(first.events(), again.events(), c + ": the event sequences differ");
        }
    }

    private static List<Event> goroutineEvents(ExampleRun run) {
        return run.events().stream().map(Traced::event)
                .filter(e -> !(e instanceof Event.MStart || e instanceof Event.MPark || e instanceof Event.MUnpark
                        || e instanceof Event.Handoff))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void firstLineQuestionIsAnsweredByTheRun(Case c) {
        Predict p = c.step().predict();
        if (p != null && p.kind() == Predict.Kind.FIRST_LINE) {
            assertEquals(p.answer(), p.rightChoice(c.run().output()), c + ": the run answers otherwise");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyStatedFactHoldsInTheRun(Case c) {
        Predict p = c.step().predict();
        if (p != null && p.kind() == Predict.Kind.CHOICE) {
            assertNotEquals(List.of(), c.checks(), c + ": a choice question states the facts that make its answer right");
        }
        ExampleRun run = c.run();
        for (Fact f : c.checks()) {
            assertNull(f.failure(run.output(), run.result(), run.events()), c + ": " + f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyWatchedObjectAppearsInTheRun(Case c) {
        List<Event> events = c.run().events().stream().map(Traced::event).toList();
        for (Watch w : c.step().watch()) {
            boolean present = switch (w.target()) {
                case GOROUTINE -> events.stream().anyMatch(e -> e instanceof Event.GoCreate g && w.name().equals(g.name()));
                case CHANNEL -> events.stream().anyMatch(e -> e instanceof Event.ChanMake m && w.name().equals(m.name()));
                case CONTEXT -> events.stream().anyMatch(e -> e instanceof Event.CtxCreate x && w.name().equals(x.label()));
                case PROCESSOR -> w.name().matches("P\\d+")
                        && Integer.parseInt(w.name().substring(1)) < c.step().example().procs();
                case CONSOLE -> true;
                case LOCK, TIMER -> false; // locks and timers have no names yet: a note cannot point at one
            };
            assertTrue(present, c + ": no " + w.target() + " named '" + w.name() + "' in the run");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void isShortEnoughToReadInOneStep(Case c) {
        long lines = c.step().example().source().lines().count();
        assertTrue(lines <= MAX_EXAMPLE_LINES, c + " has " + lines + " lines");
    }
}
