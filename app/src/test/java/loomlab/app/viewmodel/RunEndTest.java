package loomlab.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import loomlab.engine.runner.ChildOutcome;

import org.junit.jupiter.api.Test;

/** Each way a child can end, as the workbench names it. */
class RunEndTest {

    @Test
    void eachOutcomeHasItsKind() {
        assertEquals(RunEnd.Kind.EXITED, RunEnd.of(new ChildOutcome.Exited(0, "")).kind());
        assertEquals(RunEnd.Kind.PANICKED, RunEnd.of(new ChildOutcome.Exited(2, "panic: boom\n")).kind());
        assertEquals(RunEnd.Kind.STOPPED, RunEnd.of(new ChildOutcome.Killed()).kind());
        assertEquals(RunEnd.Kind.SYSTEM_EXIT, RunEnd.of(new ChildOutcome.CalledExit(3)).kind());
        assertEquals(3, RunEnd.of(new ChildOutcome.CalledExit(3)).status());
        assertEquals(RunEnd.Kind.OUT_OF_MEMORY,
                RunEnd.of(new ChildOutcome.Crashed(3, "fatal error: runtime: out of memory (…)")).kind());
        assertEquals(RunEnd.Kind.CRASHED, RunEnd.of(new ChildOutcome.Crashed(134, "the JVM ended")).kind());
    }

    @Test
    void deadlockListsTheGoroutinesOfTheDump() {
        String dump = """
                fatal error: all goroutines are asleep - deadlock!

                goroutine 1 [chan receive]:
                main.main()

                goroutine 4 [semacquire]:
                """;

        RunEnd end = RunEnd.of(new ChildOutcome.Exited(2, dump));

        assertEquals(RunEnd.Kind.DEADLOCK, end.kind());
        assertEquals(List.of(1L, 4L), end.deadlocked());
    }
}
