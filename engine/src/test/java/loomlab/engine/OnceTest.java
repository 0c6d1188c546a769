package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.panic;
import static loomlab.engine.Go.println;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class OnceTest {

    @Test
    @DisplayName("SY-07 Do runs f exactly once, however many goroutines call it")
    void runsExactlyOnce() {
        Programs.Ran ran = Programs.run(() -> {
            Once once = new Once();
            int[] calls = {0};
            Chan<Boolean> done = Chan.make(100);
            for (int i = 0; i < 100; i++) {
                go(() -> {
                    once.run(() -> calls[0]++);
                    done.send(true);
                });
            }
            for (int i = 0; i < 100; i++) {
                done.recv();
            }
            println(calls[0]);
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("1\n", ran.out());
    }

    @Test
    @DisplayName("SY-07 a concurrent caller blocks (as sync.Mutex.Lock) until the first f returns, and then does not run its own")
    void concurrentCallerWaitsForTheFirst() {
        Programs.Ran ran = Programs.run(() -> {
            Once once = new Once();
            Chan<Boolean> gate = Chan.make();
            Chan<String> log = Chan.make(3);
            go(() -> once.run(() -> {
                gate.recv();
                log.send("first f returns");
            }));
            ChanTest.waitUntilBlocked(gate, 1, false); // f is running, holding the Once
            go(() -> {
                once.run(() -> log.send("second f ran"));
                log.send("second Do returns");
            });
            waitUntilWaiting(WaitReason.MUTEX_LOCK, 1);
            println("second caller waits:", log.len() == 0);
            gate.send(true);
            println(log.recv());
            println(log.recv());
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("second caller waits: true\nfirst f returns\nsecond Do returns\n", ran.out());
    }

    @Test
    @DisplayName("SY-07 if f panics, Do counts it as done and later calls do not run f")
    void panickingFCountsAsDone() {
        Once once = new Once();
        Panic p = assertThrows(Panic.class, () -> once.run(() -> {
            throw panic("first");
        }));
        assertEquals("first", p.value());
        int[] calls = {0};
        once.run(() -> calls[0]++);
        assertEquals(0, calls[0]);
    }

    @Test
    @DisplayName("SY-07 calling Do on the same Once from inside f deadlocks: goroutine 1 [sync.Mutex.Lock]")
    void recursiveDoDeadlocks() {
        Programs.Ran ran = Programs.run(() -> {
            Once once = new Once();
            once.run(() -> once.run(() -> println("inner")));
        });
        assertEquals(2, ran.exit());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: all goroutines are asleep - deadlock!", lines.get(0));
        assertEquals("goroutine 1 [sync.Mutex.Lock]:", lines.get(2));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("SY-07 OnceFunc calls f once; every later call returns without calling it")
    void onceFuncCallsOnce() {
        AtomicInteger calls = new AtomicInteger();
        Runnable f = Once.func(calls::incrementAndGet);
        f.run();
        f.run();
        f.run();
        assertEquals(1, calls.get());
    }

    @Test
    @DisplayName("SY-07 OnceFunc: after f panicked, every call panics with the same value")
    void onceFuncRepanicsWithTheSameValue() {
        Object value = new Object();
        AtomicInteger calls = new AtomicInteger();
        Runnable f = Once.func(() -> {
            calls.incrementAndGet();
            throw panic(value);
        });
        Panic first = assertThrows(Panic.class, f::run);
        Panic second = assertThrows(Panic.class, f::run);
        Panic third = assertThrows(Panic.class, f::run);
        assertSame(value, first.value());
        assertSame(value, second.value());
        assertSame(value, third.value());
        assertNotSame(second, third);
        assertEquals(1, calls.get());
    }

    @Test
    @DisplayName("SY-07 OnceFunc keeps the kind of the panic: a runtime error stays a runtime error")
    void onceFuncRepanicsRuntimeErrors() {
        Runnable f = Once.func(() -> {
            Chan<Integer> ch = Chan.make(1);
            ch.close();
            ch.close();
        });
        assertEquals("close of closed channel", assertThrows(RuntimeError.class, f::run).getMessage());
        assertEquals("close of closed channel", assertThrows(RuntimeError.class, f::run).getMessage());
    }

    @Test
    @DisplayName("SY-07 OnceValue returns the first result on every call, computing it once")
    void onceValueComputesOnce() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> v = Once.value(() -> "value " + calls.incrementAndGet());
        assertEquals("value 1", v.get());
        assertEquals("value 1", v.get());
        assertEquals(1, calls.get());
    }

    @Test
    @DisplayName("SY-07 OnceValue: after f panicked, every call panics with the same value")
    void onceValueRepanics() {
        IllegalStateException boom = new IllegalStateException("boom");
        Supplier<Integer> v = Once.value(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, v::get));
        assertSame(boom, assertThrows(IllegalStateException.class, v::get));
    }

    @Test
    @DisplayName("stress: 1,000 goroutines racing on OnceValue all get the one value computed once")
    void onceValueUnderContention() {
        Programs.Ran ran = Programs.run(() -> {
            AtomicInteger calls = new AtomicInteger();
            Supplier<int[]> v = Once.value(() -> new int[] {calls.incrementAndGet(), 42});
            Chan<int[]> got = Chan.make(1000);
            for (int i = 0; i < 1000; i++) {
                go(() -> got.send(v.get()));
            }
            int[] first = got.recv();
            boolean same = true;
            for (int i = 1; i < 1000; i++) {
                same &= got.recv() == first;
            }
            println(calls.get(), same, first[1]);
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("1 true 42\n", ran.out());
    }

    /** Yields until {@code n} goroutines of the current run wait for {@code reason}. */
    static void waitUntilWaiting(WaitReason reason, int n) {
        Runtime rt = Goroutine.current().runtime;
        for (;;) {
            long waiting = rt.goroutines().stream().filter(g -> g.waitReason() == reason).count();
            if (waiting >= n) {
                return;
            }
            Go.yield();
        }
    }
}
