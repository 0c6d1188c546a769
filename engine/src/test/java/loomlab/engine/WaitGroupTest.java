package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.panic;
import static loomlab.engine.Go.println;
import static loomlab.engine.MutexTest.waitUntilParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WaitGroupTest {

    @Test
    @DisplayName("SY-08 Add that drives the counter negative panics 'sync: negative WaitGroup counter'")
    void negativeCounterPanics() {
        WaitGroup wg = new WaitGroup();
        wg.add(10);
        wg.add(-10);
        Panic p = assertThrows(Panic.class, () -> wg.add(-1));
        assertEquals("sync: negative WaitGroup counter", p.value());
    }

    @Test
    @DisplayName("SY-08 an extra Done panics; unrecovered it prints 'panic: sync: negative WaitGroup counter', exit 2")
    void extraDonePanics() {
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            wg.done();
            wg.done();
            println("unreachable");
        });
        assertEquals(2, ran.exit());
        assertInstanceOf(Outcome.Panicked.class, ran.result().outcome());
        List<String> lines = ran.result().reportLines();
        assertEquals("panic: sync: negative WaitGroup counter", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [running]:", lines.get(2));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("SY-11 Wait with counter 0 returns at once")
    void waitOnZeroReturnsAtOnce() {
        new WaitGroup().await();
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            wg.await();
            wg.add(2);
            wg.done();
            wg.done();
            wg.await();
            println("returned");
        });
        assertEquals("returned\n", ran.out());
    }

    @Test
    @DisplayName("SY-11 the Done that takes the counter to 0 releases all waiters")
    void lastDoneReleasesEveryWaiter() {
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            Chan<Integer> released = Chan.make(5);
            wg.add(2);
            for (int i = 0; i < 5; i++) {
                int id = i;
                go(() -> {
                    wg.await();
                    released.send(id);
                });
            }
            waitUntilParked(wg::parked, 5);
            wg.done();
            println("after one Done, released:", released.len());
            wg.done();
            int sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += released.recv();
            }
            println("released all:", sum == 0 + 1 + 2 + 3 + 4);
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("after one Done, released: 0\nreleased all: true\n", ran.out());
    }

    @Test
    @DisplayName("SY-11 Wait with nobody to call Done deadlocks: goroutine 1 [sync.WaitGroup.Wait]")
    void waitWithoutDoneDeadlocks() {
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            wg.await();
        });
        assertEquals(2, ran.exit());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: all goroutines are asleep - deadlock!", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [sync.WaitGroup.Wait]:", lines.get(2));
        assertTrue(lines.get(3).startsWith("WaitGroupTest.lambda$waitWithoutDoneDeadlocks$"), lines.get(3));
    }

    @Test
    @DisplayName("SY-11 a WaitGroup is reusable once Wait has returned")
    void reusableAfterWait() {
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            for (int round = 1; round <= 3; round++) {
                AtomicInteger n = new AtomicInteger();
                for (int i = 0; i < 10; i++) {
                    wg.go(n::incrementAndGet);
                }
                wg.await();
                println("round", round, n.get());
            }
        });
        assertEquals("round 1 10\nround 2 10\nround 3 10\n", ran.out());
    }

    @Test
    @DisplayName("SY-12 wg.go(f) is Add(1) + go { f(); Done() }: Wait returns after every task, which may start tasks itself")
    void goRunsTasksAndWaitSeesThemAll() {
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            int[] results = new int[4];
            for (int i = 0; i < 3; i++) {
                int slot = i;
                wg.go(() -> results[slot] = slot + 1);
            }
            wg.go(() -> wg.go(() -> results[3] = 4));
            wg.await();
            println(results[0], results[1], results[2], results[3]); // plain writes, ordered by Done before Wait
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("1 2 3 4\n", ran.out());
    }

    @Test
    @DisplayName("SY-12 a panic in a wg.go task crashes the run; its Done is not called, so Wait never returns first")
    void panicInGoTaskCrashesTheRun() {
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            wg.go(() -> {
                throw panic("boom");
            });
            wg.await();
            println("wait returned");
        });
        assertEquals(2, ran.exit());
        Outcome.Panicked p = assertInstanceOf(Outcome.Panicked.class, ran.result().outcome());
        assertEquals(2, p.goroutine());
        assertEquals("panic: boom", ran.result().reportLines().get(0));
        assertEquals("goroutine 2 [running]:", ran.result().reportLines().get(2));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("stress: 10,000 goroutines, several concurrent waiters, every one released exactly when all are done")
    void tenThousandGoroutines() {
        Programs.Ran ran = Programs.run(() -> {
            WaitGroup wg = new WaitGroup();
            AtomicInteger finished = new AtomicInteger();
            Chan<Integer> seen = Chan.make(4);
            Chan<Boolean> start = Chan.make();
            for (int i = 0; i < 10_000; i++) {
                wg.go(() -> {
                    start.recv();
                    finished.incrementAndGet();
                });
            }
            for (int w = 0; w < 4; w++) {
                go(() -> {
                    wg.await();
                    seen.send(finished.get());
                });
            }
            start.close();
            wg.await();
            int all = 0;
            for (int w = 0; w < 4; w++) {
                if (seen.recv() == 10_000) {
                    all++;
                }
            }
            println(finished.get(), all);
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("10000 4\n", ran.out());
    }
}
