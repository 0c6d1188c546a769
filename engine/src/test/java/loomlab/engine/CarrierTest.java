package loomlab.engine;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a goroutine finds itself (through its carrier's M, not a thread-local) and the short spin
 * before parking on an unbuffered channel: both must be invisible to programs.
 */
@Timeout(60)
class CarrierTest {

    @Test
    @DisplayName("a goroutine is itself on every M it runs on, across parks, wake-ups, steals and yields")
    void aGoroutineFindsItselfOnAnyCarrier() {
        int goroutines = 200;
        int rounds = 200;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        List<String> wrong = new CopyOnWriteArrayList<>();
        RunResult r = Runtime.builder().procs(4).build().start(() -> {
            WaitGroup wg = new WaitGroup();
            Chan<Integer> ping = null;
            for (int i = 0; i < goroutines; i++) {
                // in pairs: the first of a pair sends first, its partner receives first
                boolean first = i % 2 == 0;
                Chan<Integer> pair = ping = first ? Chan.make() : ping;
                wg.add(1);
                go(() -> {
                    Goroutine me = Goroutine.current();
                    ids.add(me.id);
                    for (int k = 0; k < rounds; k++) {
                        if ((k % 2 == 0) == first) {
                            pair.send(k);
                        } else {
                            pair.recv();
                        }
                        if (k % 7 == 0) {
                            Go.yield();
                        }
                        Goroutine now = Goroutine.current();
                        if (now != me || now.thread != Thread.currentThread()) {
                            wrong.add("goroutine " + me.id + " saw " + (now == null ? "null" : now.id));
                        }
                    }
                    wg.done();
                });
            }
            wg.await();
        });
        assertEquals(0, r.exitStatus(), r.report());
        assertEquals(List.of(), wrong);
        assertEquals(goroutines, ids.size(), "every goroutine has its own record");
    }

    @Test
    @DisplayName("outside any run, on a plain virtual thread and on a timer's thread, there is no current goroutine")
    void noGoroutineOutsideGoroutines() throws Exception {
        assertNull(Goroutine.current(), "the test's own thread");
        AtomicReference<Object> onVirtual = new AtomicReference<>("unset");
        Thread.ofVirtual().start(() -> onVirtual.set(Goroutine.current())).join();
        assertNull(onVirtual.get(), "a virtual thread that is not a goroutine");

        AtomicReference<Goroutine> inTimerGoroutine = new AtomicReference<>();
        AtomicReference<Thread> timerGoroutineThread = new AtomicReference<>();
        RunResult r = Runtime.builder().procs(2).build().start(() -> {
            Chan<Boolean> done = Chan.make();
            // afterFunc starts its goroutine from the timer's platform thread: that goroutine must
            // still be known to the scheduler and to itself.
            Time.afterFunc(Duration.ofMillis(1), () -> {
                inTimerGoroutine.set(Goroutine.current());
                timerGoroutineThread.set(Thread.currentThread());
                done.send(true);
            });
            done.recv();
        });
        assertEquals(0, r.exitStatus(), r.report());
        assertNotNull(inTimerGoroutine.get());
        assertSame(timerGoroutineThread.get(), inTimerGoroutine.get().thread);
        assertEquals(0, inTimerGoroutine.get().creatorId, "started by a timer, not by a goroutine");
    }

    @Test
    @DisplayName("a program that blocks on unbuffered channels, locks, wait groups and sleeps in turn finishes with every value")
    void spinningBeforeParkingLosesNothing() {
        int pairs = 4;
        int roundTrips = 20_000;
        long[] sum = new long[1];
        RunResult r = Runtime.builder().procs(2).build().start(() -> {
            Mutex mu = new Mutex();
            WaitGroup wg = new WaitGroup();
            for (int p = 0; p < pairs; p++) {
                Chan<Integer> there = Chan.make();
                Chan<Integer> back = Chan.make();
                wg.add(2);
                go(() -> {
                    for (int i = 0; i < roundTrips; i++) {
                        there.send(i);
                        back.recv();
                    }
                    Time.sleep(Duration.ofMillis(1)); // a park after many spins that may have left a permit
                    wg.done();
                });
                go(() -> {
                    long local = 0;
                    for (int i = 0; i < roundTrips; i++) {
                        local += there.recv();
                        back.send(i);
                    }
                    mu.lock();
                    sum[0] += local;
                    mu.unlock();
                    wg.done();
                });
            }
            wg.await();
        });
        assertEquals(0, r.exitStatus(), r.report());
        assertEquals(pairs * ((long) roundTrips * (roundTrips - 1) / 2), sum[0]);
    }

    @Test
    @DisplayName("with one P a goroutine never spins: every wake-up puts it in a run queue")
    void noSpinningWithOneP() {
        List<Traced> events = Programs.traced(1, () -> {
            Chan<Integer> there = Chan.make();
            Chan<Integer> back = Chan.make();
            go(() -> {
                for (int i = 0; i < 1_000; i++) {
                    back.send(there.recv());
                }
            });
            for (int i = 0; i < 1_000; i++) {
                there.send(i);
                back.recv();
            }
        });
        // A spin that caught its partner would show as an unblock followed by a start with no
        // run-queue push between them.
        Set<Long> unblockedNotQueued = new java.util.HashSet<>();
        int unblocks = 0;
        for (Traced t : events) {
            switch (t.event()) {
                case Event.GoUnblock u -> {
                    unblocks++;
                    unblockedNotQueued.add(u.g());
                }
                case Event.RunqPush push -> unblockedNotQueued.remove(push.g());
                case Event.GlobalPush push -> unblockedNotQueued.remove(push.g());
                case Event.GoStart start -> assertTrue(!unblockedNotQueued.contains(start.g()),
                        "goroutine " + start.g() + " ran again without being queued, at event " + t.seq());
                default -> { }
            }
        }
        assertTrue(unblocks >= 1_999, "each round trip wakes someone: " + unblocks);
    }
}
