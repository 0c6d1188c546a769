package loomlab.engine.gotests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import loomlab.engine.Go;
import loomlab.engine.GoroutineInfo;
import loomlab.engine.Outcome;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;
import loomlab.engine.WaitReason;

/**
 * One run of a ported Go program, with what it printed. A JUnit assertion that fails inside a
 * goroutine ends the run as a panic; {@link #assertExited()} rethrows it, so the test reports
 * the original failure rather than a bare exit status.
 */
record GoProgram(RunResult result, String out, String err) {

    /** Runs {@code main} as goroutine 1 and captures its standard output and error. */
    static GoProgram run(Runnable main) {
        return run(Runtime.builder(), main);
    }

    /** Like {@link #run(Runnable)}, with the caller's settings (output streams are replaced). */
    static GoProgram run(Runtime.Builder settings, Runnable main) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunResult r = settings
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .build()
                .start(main);
        return new GoProgram(r, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs the program that {@code program} makes for the run's runtime, so that {@code main} can
     * look at the runtime's goroutines (see {@link #waitUntilBlocked}).
     */
    static GoProgram run(Runtime.Builder settings, Function<Runtime, Runnable> program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Runtime rt = settings
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .build();
        RunResult r = rt.start(program.apply(rt));
        return new GoProgram(r, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Yields until goroutine {@code id} is parked for {@code reason}: once it is, it is queued on
     * what it waits for. This orders events as {@code synctest.Wait} would, where Go's tests sleep.
     */
    static void waitUntilBlocked(Runtime rt, long id, WaitReason reason) {
        while (rt.goroutines().stream().noneMatch(g -> g.id() == id && g.waitReason() == reason)) {
            Go.yield();
        }
    }

    /** Runs {@code main} and asserts that it exited with status 0, as {@code go run} of the original does. */
    static GoProgram runToExit(Runnable main) {
        return run(main).assertExited();
    }

    GoProgram assertExited() {
        if (result.outcome() instanceof Outcome.Panicked p && p.throwable() instanceof AssertionError e) {
            throw e;
        }
        assertEquals(0, result.exitStatus(), () -> "the program did not exit cleanly:\n" + result.report());
        assertInstanceOf(Outcome.Exited.class, result.outcome());
        return this;
    }

    /** Asserts Go's {@code fatal error: all goroutines are asleep - deadlock!} and returns the dump's goroutines. */
    List<GoroutineInfo> assertDeadlocked() {
        if (!(result.outcome() instanceof Outcome.Deadlocked d)) {
            return fail("expected a deadlock, got " + result.outcome() + "\n" + result.report());
        }
        assertEquals(2, result.exitStatus());
        assertEquals("fatal error: all goroutines are asleep - deadlock!", result.reportLines().getFirst());
        return d.goroutines();
    }

    /** The wait reason of goroutine {@code id} in a deadlock dump. */
    WaitReason waitReasonOf(long id) {
        return assertDeadlocked().stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .map(GoroutineInfo::waitReason)
                .orElseGet(() -> fail("goroutine " + id + " is not in the dump:\n" + result.report()));
    }
}
