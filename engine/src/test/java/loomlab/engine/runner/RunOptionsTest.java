package loomlab.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;
import loomlab.engine.SchedulePolicy;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void withoutOptionsARunIsRealOnTheRealClockWithSeedOne() throws Exception {
        RunOptions o = RunOptions.parse("Hello.java", "a", "--mode");
        assertEquals(RunMode.REAL, o.mode());
        assertEquals(ClockMode.REAL, o.clock());
        assertEquals(1, o.seed());
        assertEquals(java.lang.Runtime.getRuntime().availableProcessors(), o.procs());
        assertNull(o.trace());
        assertFalse(o.events());
        assertEquals("Hello.java", o.target());
        assertEquals(List.of("a", "--mode"), o.args(), "options after the program are the program's");
    }

    @Test
    void everyOptionIsRead() throws Exception {
        RunOptions o = RunOptions.parse("--mode", "deterministic", "--seed", "-7", "--procs", "4", "--policy", "pct",
                "--trace", "run.trace", "--events", "--paused", "PingPong");
        assertEquals(RunMode.DETERMINISTIC, o.mode());
        assertEquals(-7, o.seed());
        assertEquals(4, o.procs());
        assertEquals(SchedulePolicy.PCT, o.policy());
        assertEquals(Path.of("run.trace"), o.trace());
        assertTrue(o.events());
        assertTrue(o.paused());
        assertEquals(ClockMode.VIRTUAL, o.clock(), "a deterministic run's clock is virtual");
        assertEquals("PingPong", o.target());
    }

    @Test
    void aRealRunMayHaveTheVirtualClock() throws Exception {
        assertEquals(ClockMode.VIRTUAL, RunOptions.parse("--clock", "virtual", "X").clock());
    }

    @Test
    void badValuesAreNamedWithWhatWouldDo() {
        assertError("--procs must be a number from 1 to 256, not 'x'", "--procs", "x", "A.java");
        assertError("--procs must be a number from 1 to 256, not '0'", "--procs", "0", "A.java");
        assertError("--procs must be a number from 1 to 256, not '257'", "--procs", "257", "A.java");
        assertError("--seed must be a whole number, not '1.5'", "--seed", "1.5", "A.java");
        assertError("--mode must be real or deterministic, not 'fast'", "--mode", "fast", "A.java");
        assertError("--clock must be real or virtual, not 'wall'", "--clock", "wall", "A.java");
        assertError("--policy must be random or pct, not 'fifo'", "--policy", "fifo", "A.java");
        assertError("unknown option --speed", "--speed", "2", "A.java");
        assertError("--seed needs a value", "--seed");
        assertError("no program given", "--mode", "real");
        assertError("--clock real does not go with --mode deterministic: a deterministic run's clock is virtual",
                "--mode", "deterministic", "--clock", "real", "A.java");
        assertError("--paused needs --events and --mode deterministic", "--paused", "A.java");
    }

    @Test
    void theMetadataNamesTheSettings() throws Exception {
        RunOptions o = RunOptions.parse("--mode", "deterministic", "--seed", "7", "--procs", "2", "A.java");
        assertEquals("{program=A.java, mode=deterministic, seed=7, procs=2, clock=virtual, policy=random}",
                o.metadata("A.java").toString());
    }

    private static void assertError(String message, String... argv) {
        assertEquals(message, assertThrows(RunOptions.UsageError.class, () -> RunOptions.parse(argv)).getMessage());
    }
}
