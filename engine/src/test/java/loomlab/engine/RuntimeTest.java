package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.numGoroutine;
import static loomlab.engine.Go.panic;
import static loomlab.engine.Go.println;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Goroutines, panics, fatal errors, deadlocks and leaks; output checked line by line. */
@Timeout(30)
class RuntimeTest {

    @Test
    @DisplayName("GO-01 go of a nil func is fatal 'go of nil func value', even inside try/catch")
    void goOfNilFuncIsFatal() {
        Programs.Ran ran = Programs.run(() -> {
            try {
                go(null);
            } catch (Throwable recovered) {
                println("recovered?");
            }
            println("still running");
        });
        assertEquals(2, ran.exit());
        assertInstanceOf(Outcome.Fatal.class, ran.result().outcome());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: go of nil func value", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [running]:", lines.get(2));
        assertTrue(lines.get(3).startsWith("RuntimeTest.lambda$goOfNilFuncIsFatal$"), lines.get(3));
        assertTrue(lines.get(4).matches("\tRuntimeTest\\.java:\\d+"), lines.get(4));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("GO-02 an unrecovered panic in main prints 'panic: v', a blank line, 'goroutine 1 [running]:', exit 2")
    void panicInMain() {
        Programs.Ran ran = Programs.run(() -> {
            throw panic("test");
        });
        assertEquals(2, ran.exit());
        List<String> lines = ran.result().reportLines();
        assertEquals("panic: test", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [running]:", lines.get(2));
        assertTrue(lines.get(3).startsWith("RuntimeTest.lambda$panicInMain$"), lines.get(3));
        assertTrue(lines.get(4).matches("\tRuntimeTest\\.java:\\d+"), lines.get(4));
        assertEquals(ran.result().report(), ran.err());
        Outcome.Panicked p = assertInstanceOf(Outcome.Panicked.class, ran.result().outcome());
        assertEquals(1, p.goroutine());
        assertEquals("test", p.value());
    }

    @Test
    @DisplayName("GO-02 a panic in any goroutine ends the whole run, with that goroutine's trace and its creator")
    void panicInAnotherGoroutineEndsTheRun() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> never = Chan.make();
            go(() -> {
                throw panic("boom");
            });
            never.recv();
        });
        assertEquals(2, ran.exit());
        List<String> lines = ran.result().reportLines();
        assertEquals("panic: boom", lines.get(0));
        assertEquals("goroutine 2 [running]:", lines.get(2));
        assertTrue(lines.get(5).startsWith("created by RuntimeTest.lambda$panicInAnotherGoroutineEndsTheRun$"), lines.get(5));
        assertTrue(lines.get(5).endsWith(" in goroutine 1"), lines.get(5));
    }

    @Test
    @DisplayName("GO-02 a Java exception escaping a goroutine is a panic with the exception as its value")
    void javaExceptionIsAPanic() {
        Programs.Ran ran = Programs.run(() -> {
            int zero = 0;
            println(1 / zero);
        });
        assertEquals(2, ran.exit());
        assertEquals("panic: java.lang.ArithmeticException: / by zero", ran.result().reportLines().get(0));
    }

    @Test
    @DisplayName("GO-04 catching a Panic is recover: the goroutine goes on and the run exits 0")
    void catchingAPanicRecovers() {
        Programs.Ran ran = Programs.run(() -> {
            try {
                throw panic("oops");
            } catch (Panic p) {
                println("recovered:", p.value());
            }
        });
        assertEquals(0, ran.exit());
        assertEquals("recovered: oops\n", ran.out());
    }

    @Test
    @DisplayName("GO-09 channel misuse panics are runtime errors")
    void channelMisuseIsARuntimeError() {
        Panic p = assertThrows(Panic.class, () -> Chan.nil().close());
        assertInstanceOf(RuntimeError.class, p);
    }

    @Test
    @DisplayName("GO-11 DL-09 when main returns the run ends; goroutines still blocked are leaks, not errors")
    void mainReturningEndsTheRunAndReportsLeaks() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> never = Chan.make();
            go("stuck", never::recv);
            ChanTest.waitUntilBlocked(never, 1, false);
            println("bye");
        });
        assertEquals(0, ran.exit());
        assertEquals("", ran.err());
        assertEquals(1, ran.result().leaks().size());
        GoroutineInfo leak = ran.result().leaks().get(0);
        assertEquals(2, leak.id());
        assertEquals("stuck", leak.name());
        assertEquals(WaitReason.CHAN_RECEIVE, leak.waitReason());
        assertEquals("goroutine 2 [chan receive]:", leak.header());
    }

    @Test
    @DisplayName("numGoroutine counts the goroutines alive")
    void numGoroutineCounts() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> hold = Chan.make();
            println(numGoroutine());
            for (int i = 0; i < 3; i++) {
                go(hold::recv);
            }
            println(numGoroutine());
            hold.close();
        });
        assertEquals("1\n4\n", ran.out());
    }

    @Test
    @DisplayName("DL-01 DL-06 DL-08 a deadlock prints Go's message and every goroutine, goroutine 1 first")
    void deadlockDumpLineByLine() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> a = Chan.make();
            Chan<Integer> b = Chan.make();
            go(() -> b.send(a.recv()));
            a.lock.lock();
            a.lock.unlock();
            b.recv();
        });
        assertEquals(2, ran.exit());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: all goroutines are asleep - deadlock!", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [chan receive]:", lines.get(2));
        assertTrue(lines.get(3).startsWith("RuntimeTest.lambda$deadlockDumpLineByLine$"), lines.get(3));
        assertTrue(lines.get(4).matches("\tRuntimeTest\\.java:\\d+"), lines.get(4));
        assertEquals("", lines.get(5));
        assertEquals("goroutine 2 [chan receive]:", lines.get(6));
        assertTrue(lines.get(7).startsWith("RuntimeTest.lambda$deadlockDumpLineByLine$"), lines.get(7));
        assertTrue(lines.get(8).matches("\tRuntimeTest\\.java:\\d+"), lines.get(8));
        assertTrue(lines.get(9).matches("created by RuntimeTest\\.lambda\\$deadlockDumpLineByLine\\$\\d+ in goroutine 1"),
                lines.get(9));
        assertTrue(lines.get(10).matches("\tRuntimeTest\\.java:\\d+"), lines.get(10));
        Outcome.Deadlocked d = assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals(List.of(1L, 2L), d.goroutines().stream().map(GoroutineInfo::id).toList());
    }

    @Test
    @DisplayName("DL-01 the last goroutine to exit while the others are blocked triggers the deadlock")
    void deadlockWhenTheLastRunnerExits() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> never = Chan.make();
            go(() -> println("worker done"));
            never.recv();
        });
        assertEquals("worker done\n", ran.out());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals("goroutine 1 [chan receive]:", ran.result().reportLines().get(2));
    }

    @Test
    @DisplayName("DL-04 a goroutine sleeping in Thread.sleep keeps the program alive: no deadlock is reported")
    void sleepingGoroutineIsNotADeadlock() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<String> ch = Chan.make();
            go(() -> {
                try {
                    Thread.sleep(200); // real blocking outside the engine, not ordering the test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ch.send("woke");
            });
            println(ch.recv());
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("woke\n", ran.out());
    }

    @Test
    @DisplayName("go outside a run says how to start one")
    void goOutsideARun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> go(() -> { }));
        assertTrue(e.getMessage().contains("Runtime.run"));
    }

    @Test
    @DisplayName("a Runtime runs one program")
    void aRuntimeRunsOnce() {
        Runtime rt = Runtime.builder().build();
        rt.start(() -> { });
        assertThrows(IllegalStateException.class, () -> rt.start(() -> { }));
        assertThrows(NullPointerException.class, () -> Runtime.builder().build().start(null));
    }
}
