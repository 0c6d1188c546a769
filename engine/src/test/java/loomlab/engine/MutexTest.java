package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MutexTest {

    @Test
    @DisplayName("SY-01 the zero Mutex is unlocked")
    void zeroMutexIsUnlocked() {
        Mutex mu = new Mutex();
        assertTrue(mu.tryLock());
        mu.unlock();
    }

    @Test
    @DisplayName("SY-01 unlock of an unlocked mutex is 'fatal error: sync: unlock of unlocked mutex', even inside try/catch")
    void unlockOfUnlockedMutexIsFatal() {
        Programs.Ran ran = Programs.run(() -> {
            Mutex mu = new Mutex();
            try {
                mu.unlock();
            } catch (Throwable recovered) {
                println("recovered?");
            }
            println("still running");
        });
        assertEquals(2, ran.exit());
        Outcome.Fatal fatal = assertInstanceOf(Outcome.Fatal.class, ran.result().outcome());
        assertEquals("sync: unlock of unlocked mutex", fatal.message());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: sync: unlock of unlocked mutex", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [running]:", lines.get(2));
        assertTrue(lines.get(3).startsWith("MutexTest.lambda$unlockOfUnlockedMutexIsFatal$"), lines.get(3));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("SY-01 a second unlock is fatal too; outside a run it throws Fatal")
    void secondUnlockIsFatalOutsideARun() {
        Mutex mu = new Mutex();
        mu.lock();
        mu.unlock();
        Fatal f = assertThrows(Fatal.class, mu::unlock);
        assertEquals("sync: unlock of unlocked mutex", f.getMessage());
    }

    @Test
    @DisplayName("SY-02 locking twice in one goroutine blocks forever: deadlock, goroutine 1 [sync.Mutex.Lock]")
    void mutexIsNotReentrant() {
        Programs.Ran ran = Programs.run(() -> {
            Mutex mu = new Mutex();
            mu.lock();
            println("locked once");
            mu.lock();
            println("locked twice");
        });
        assertEquals(2, ran.exit());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: all goroutines are asleep - deadlock!", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [sync.Mutex.Lock]:", lines.get(2));
        assertTrue(lines.get(3).startsWith("MutexTest.lambda$mutexIsNotReentrant$"), lines.get(3));
        assertEquals("locked once\n", ran.out());
    }

    @Test
    @DisplayName("SY-02 a Mutex may be unlocked by another goroutine than the one that locked it")
    void anotherGoroutineMayUnlock() {
        Programs.Ran ran = Programs.run(() -> {
            Mutex mu = new Mutex();
            mu.lock();
            go(mu::unlock);
            mu.lock(); // blocks until goroutine 2 unlocks
            println("relocked");
        });
        assertEquals(0, ran.exit());
        assertEquals("relocked\n", ran.out());
    }

    @Test
    @DisplayName("SY-02 a goroutine blocked in Lock wakes when the holder unlocks")
    void blockedLockWakesOnUnlock() {
        Programs.Ran ran = Programs.run(() -> {
            Mutex mu = new Mutex();
            Chan<String> got = Chan.make(1);
            mu.lock();
            go(() -> {
                mu.lock();
                got.send("goroutine 2 has the lock");
                mu.unlock();
            });
            waitUntilParked(mu::parked, 1);
            println(mu.tryLock());
            mu.unlock();
            println(got.recv());
        });
        assertEquals("false\ngoroutine 2 has the lock\n", ran.out());
    }

    @Test
    @DisplayName("SY-03 TryLock fails while the mutex is held and succeeds once it is unlocked")
    void tryLockFailsWhileHeld() {
        Mutex mu = new Mutex();
        assertTrue(mu.tryLock());
        assertFalse(mu.tryLock());
        mu.unlock();
        mu.lock();
        assertFalse(mu.tryLock());
        mu.unlock();
        assertTrue(mu.tryLock());
        mu.unlock();
    }

    @Test
    @DisplayName("SY-04 a waiter that waited more than 1 ms gets the mutex from a goroutine that re-locks at once and yields only while holding it")
    void starvingWaiterIsNotStarved() {
        Programs.Ran ran = runOnVirtualClock(() -> {
            Mutex mu = new Mutex();
            AtomicBoolean acquired = new AtomicBoolean();
            mu.lock();
            go(() -> {
                mu.lock();
                acquired.set(true);
                mu.unlock();
            });
            waitUntilParked(mu::parked, 1);
            Time.sleep(Duration.ofMillis(2)); // the waiter now has waited 2 ms of virtual time
            // In normal mode the woken waiter would run only while we hold the mutex, and lose
            // every time. Starvation mode makes our unlock hand the mutex over.
            for (int i = 0; i < 1_000_000 && !acquired.get(); i++) {
                mu.unlock();
                mu.lock();
                Go.yield();
            }
            mu.unlock();
            println("waiter got the mutex:", acquired.get());
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("waiter got the mutex: true\n", ran.out());
    }

    @Test
    @DisplayName("SY-04 in starvation mode a newcomer queues behind the waiter (FIFO hand-off), then normal mode resumes")
    void starvationModeHandsOffInOrder() {
        Programs.Ran ran = runOnVirtualClock(() -> {
            Mutex mu = new Mutex();
            Chan<String> order = Chan.make(3);
            mu.lock();
            go(() -> {
                mu.lock();
                order.send("waiter");
                mu.unlock();
            });
            waitUntilParked(mu::parked, 1);
            Time.sleep(Duration.ofMillis(2));
            // Unlock and re-lock until the starving waiter has taken the mutex: from then on our
            // lock() waits behind it, so "waiter" is sent before "main".
            mu.unlock();
            for (int i = 0; i < 1_000_000 && order.len() == 0; i++) {
                mu.lock();
                Go.yield();
                mu.unlock();
            }
            mu.lock();
            order.send("main");
            mu.unlock();
            println(order.recv(), order.recv());
            println(mu.tryLock());
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("waiter main\ntrue\n", ran.out());
    }

    @Test
    @DisplayName("stress: 8 goroutines x 100,000 increments of a plain int under the Mutex give exactly 800,000")
    void parallelIncrementsAreExact() {
        Programs.Ran ran = Programs.run(() -> {
            Mutex mu = new Mutex();
            int[] counter = {0};
            Chan<Boolean> done = Chan.make(8);
            for (int g = 0; g < 8; g++) {
                go(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        mu.lock();
                        counter[0]++;
                        mu.unlock();
                    }
                    done.send(true);
                });
            }
            for (int g = 0; g < 8; g++) {
                done.recv();
            }
            mu.lock();
            println(counter[0]);
            mu.unlock();
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("800000\n", ran.out());
    }

    @Test
    @DisplayName("stress: lock, tryLock and unlock by other goroutines never let two holders in, and lose no wake-up")
    void mixedStressKeepsMutualExclusion() {
        Programs.Ran ran = Programs.run(() -> {
            Mutex mu = new Mutex();
            int[] inside = {0};
            int[] violations = {0};
            long[] total = {0};
            Chan<Boolean> done = Chan.make(16);
            for (int g = 0; g < 16; g++) {
                boolean trier = g % 4 == 0;
                go(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        if (trier) {
                            if (!mu.tryLock()) {
                                continue;
                            }
                        } else {
                            mu.lock();
                        }
                        if (++inside[0] != 1) {
                            violations[0]++;
                        }
                        total[0]++;
                        inside[0]--;
                        mu.unlock();
                    }
                    done.send(true);
                });
            }
            for (int g = 0; g < 16; g++) {
                done.recv();
            }
            mu.lock();
            println("violations:", violations[0], "locked at least:", total[0] >= 12 * 20_000);
            mu.unlock();
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("violations: 0 locked at least: true\n", ran.out());
    }

    @Test
    @DisplayName("stress: outside a run, on plain virtual threads, the Mutex is exact too")
    void parallelIncrementsOutsideARun() throws InterruptedException {
        Mutex mu = new Mutex();
        int[] counter = {0};
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 100_000; i++) {
                    mu.lock();
                    counter[0]++;
                    mu.unlock();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        mu.lock();
        assertEquals(800_000, counter[0]);
        mu.unlock();
    }

    static Programs.Ran runOnVirtualClock(Runnable main) {
        return VirtualPrograms.run(main);
    }

    /** Yields, without sleeping a fixed time, until {@code parked} reports at least {@code n} parked goroutines. */
    static void waitUntilParked(IntSupplier parked, int n) {
        while (parked.getAsInt() < n) {
            Go.yield();
        }
    }
}
