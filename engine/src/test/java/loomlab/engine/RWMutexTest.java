package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.MutexTest.waitUntilParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RWMutexTest {

    @Test
    @DisplayName("SY-05 RUnlock without RLock is 'fatal error: sync: RUnlock of unlocked RWMutex'")
    void rUnlockOfUnlockedIsFatal() {
        Programs.Ran ran = Programs.run(() -> {
            RWMutex rw = new RWMutex();
            try {
                rw.rUnlock();
            } catch (Throwable recovered) {
                println("recovered?");
            }
        });
        assertEquals(2, ran.exit());
        Outcome.Fatal fatal = assertInstanceOf(Outcome.Fatal.class, ran.result().outcome());
        assertEquals("sync: RUnlock of unlocked RWMutex", fatal.message());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: sync: RUnlock of unlocked RWMutex", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("goroutine 1 [running]:", lines.get(2));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("SY-05 Unlock without Lock is 'fatal error: sync: Unlock of unlocked RWMutex'")
    void unlockOfUnlockedIsFatal() {
        Programs.Ran ran = Programs.run(() -> new RWMutex().unlock());
        assertEquals(2, ran.exit());
        assertEquals("fatal error: sync: Unlock of unlocked RWMutex", ran.result().reportLines().get(0));
        assertEquals("goroutine 1 [running]:", ran.result().reportLines().get(2));
    }

    @Test
    @DisplayName("SY-05 Unlock while only read-locked, and RUnlock while write-locked, are fatal too")
    void mismatchedUnlocksAreFatal() {
        RWMutex readLocked = new RWMutex();
        readLocked.rLock();
        assertEquals("sync: Unlock of unlocked RWMutex", assertThrows(Fatal.class, readLocked::unlock).getMessage());
        RWMutex writeLocked = new RWMutex();
        writeLocked.lock();
        assertEquals("sync: RUnlock of unlocked RWMutex", assertThrows(Fatal.class, writeLocked::rUnlock).getMessage());
    }

    @Test
    @DisplayName("SY-06 once a writer waits, a new RLock blocks: recursive read locking deadlocks")
    void recursiveReadLockDeadlocksBehindAWaitingWriter() {
        Programs.Ran ran = Programs.run(() -> {
            RWMutex rw = new RWMutex();
            rw.rLock();
            go(() -> {
                rw.lock();
                println("writer in");
            });
            waitUntilParked(rw::parked, 1);
            println("tryRLock:", rw.tryRLock());
            rw.rLock();
            println("read-locked twice");
        });
        assertEquals(2, ran.exit());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        List<String> lines = ran.result().reportLines();
        assertEquals("fatal error: all goroutines are asleep - deadlock!", lines.get(0));
        assertEquals("goroutine 1 [sync.RWMutex.RLock]:", lines.get(2));
        assertTrue(lines.contains("goroutine 2 [sync.RWMutex.Lock]:"), ran.result().report());
        assertEquals("tryRLock: false\n", ran.out());
    }

    @Test
    @DisplayName("SY-06 readers that queued behind a writer get in before the next writer")
    void queuedReadersGoBeforeTheNextWriter() {
        Programs.Ran ran = Programs.run(() -> {
            RWMutex rw = new RWMutex();
            Chan<String> order = Chan.make(2);
            rw.lock();
            go(() -> {
                rw.rLock();
                order.send("reader");
                rw.rUnlock();
            });
            waitUntilParked(rw::parked, 1);
            go(() -> {
                rw.lock();
                order.send("writer");
                rw.unlock();
            });
            waitUntilParked(rw::parked, 2);
            rw.unlock();
            println(order.recv(), order.recv());
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("reader writer\n", ran.out());
    }

    @Test
    @DisplayName("many readers hold the lock at once; a writer waits until the last one leaves")
    void readersShareTheLock() {
        Programs.Ran ran = Programs.run(() -> {
            RWMutex rw = new RWMutex();
            Chan<Boolean> in = Chan.make();
            Chan<Boolean> leave = Chan.make();
            for (int i = 0; i < 3; i++) {
                go(() -> {
                    rw.rLock();
                    in.send(true);
                    leave.recv();
                    rw.rUnlock();
                });
            }
            for (int i = 0; i < 3; i++) {
                in.recv(); // all three hold the read lock now
            }
            println("tryLock with readers:", rw.tryLock());
            println("tryRLock with readers:", rw.tryRLock());
            rw.rUnlock();
            leave.close();
            rw.lock();
            println("writer in");
            rw.unlock();
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("tryLock with readers: false\ntryRLock with readers: true\nwriter in\n", ran.out());
    }

    @Test
    @DisplayName("TryLock and TryRLock fail while a writer holds the lock and succeed after Unlock")
    void tryLocksFailWhileWriteLocked() {
        RWMutex rw = new RWMutex();
        assertTrue(rw.tryLock());
        assertFalse(rw.tryLock());
        assertFalse(rw.tryRLock());
        rw.unlock();
        assertTrue(rw.tryRLock());
        assertTrue(rw.tryRLock());
        assertFalse(rw.tryLock());
        rw.rUnlock();
        rw.rUnlock();
        assertTrue(rw.tryLock());
        rw.unlock();
    }

    @Test
    @DisplayName("stress: readers never see a torn two-field write; writers' increments are exact")
    void readersNeverSeeATornWrite() {
        Programs.Ran ran = Programs.run(() -> {
            RWMutex rw = new RWMutex();
            long[] pair = {0, 0};
            int[] torn = {0};
            Chan<Boolean> done = Chan.make(10);
            for (int w = 0; w < 2; w++) {
                go(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        rw.lock();
                        pair[0]++;
                        Thread.onSpinWait();
                        pair[1]++;
                        rw.unlock();
                    }
                    done.send(true);
                });
            }
            for (int r = 0; r < 8; r++) {
                go(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        rw.rLock();
                        if (pair[0] != pair[1]) {
                            synchronized (torn) {
                                torn[0]++;
                            }
                        }
                        rw.rUnlock();
                    }
                    done.send(true);
                });
            }
            for (int i = 0; i < 10; i++) {
                done.recv();
            }
            rw.rLock();
            println("torn reads:", torn[0], "pair:", pair[0], pair[1]);
            rw.rUnlock();
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("torn reads: 0 pair: 40000 40000\n", ran.out());
    }
}
