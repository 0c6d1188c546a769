package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Programs.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LoomLab's G-M-P scheduler, observed through its events (GMP-*). */
@Timeout(60)
class SchedulerTest {

    @Test
    @DisplayName("the JDK hook is available in tests, so runs use LoomLab's scheduler")
    void ourSchedulerRunsTheGoroutines() {
        boolean[] owns = new boolean[1];
        Runtime rt = Runtime.builder().build();
        rt.start(() -> { });
        owns[0] = rt.ownsScheduling();
        assertTrue(owns[0], "start the JVM with --add-opens java.base/java.lang=ALL-UNNAMED");
    }

    @Test
    @DisplayName("GMP-02 GMP-05 GMP-06 every goroutine an M takes is where the events put it: runnext when the pop says so, else the head of the ring")
    void everyPopFindsItsGoroutineWhereTheEventsPutIt() {
        for (int run = 0; run < 200; run++) { // the races it guards against show in a few runs of a hundred
            boolean leak = run % 2 == 1; // half the runs end with the yielders still at work
            List<Traced> events = traced(2, () -> {
                Chan<Integer> ping = Chan.make(), pong = Chan.make();
                WaitGroup yielders = new WaitGroup();
                for (int w = 0; w < 4; w++) {
                    yielders.go(() -> {
                        for (int i = 0; i < 20; i++) {
                            Go.yield(); // through the global queue
                        }
                    });
                }
                go(() -> {
                    for (int i = 0; i < 200; i++) {
                        pong.send(ping.recv()); // each wake-up through the waker's runnext
                    }
                });
                for (int i = 0; i < 200; i++) {
                    ping.send(i);
                    pong.recv();
                }
                // When they outlive main, the leak report walks their stacks, and the JDK resubmits
                // a runnable virtual thread whose stack it walked: that second push must not be
                // recorded (Runtime.reportingLeaks).
                if (!leak) {
                    yielders.await();
                }
            });
            List<Traced> inOrder = events.stream().sorted(java.util.Comparator.comparingLong(Traced::seq)).toList();
            // Each P as the events describe it: its runnext slot and its ring, head first.
            java.util.Map<Integer, Long> runnextOf = new java.util.HashMap<>();
            java.util.Map<Integer, java.util.Deque<Long>> ringOf = new java.util.HashMap<>();
            java.util.Set<Long> global = new java.util.HashSet<>();
            for (Traced t : inOrder) {
                String where = "run " + run + ", event " + t.seq() + ": " + t.event();
                switch (t.event()) {
                    case Event.RunqPush(int p, long g, boolean runnext) -> {
                        java.util.Deque<Long> ring = ringOf.computeIfAbsent(p, k -> new java.util.ArrayDeque<>());
                        if (runnext) {
                            Long kicked = runnextOf.put(p, g);
                            if (kicked != null) {
                                ring.addLast(kicked); // GMP-02: the old runnext goes to the tail
                            }
                        } else {
                            ring.addLast(g);
                        }
                    }
                    case Event.RunqPop(int p, long g, boolean runnext) -> {
                        if (runnext) {
                            assertEquals(Long.valueOf(g), runnextOf.remove(p), where);
                        } else {
                            assertNull(runnextOf.get(p), "runnext is taken first: " + where);
                            assertEquals(Long.valueOf(g), ringOf.getOrDefault(p, new java.util.ArrayDeque<>()).pollFirst(),
                                    "the head of the ring: " + where);
                        }
                    }
                    case Event.RunqSteal(int from, int to, List<Long> gs) -> {
                        for (long g : gs) {
                            boolean taken = ringOf.getOrDefault(from, new java.util.ArrayDeque<>()).remove(g)
                                    || runnextOf.remove(from, g);
                            assertTrue(taken, where);
                        }
                        ringOf.computeIfAbsent(to, k -> new java.util.ArrayDeque<>()).addAll(gs.subList(1, gs.size()));
                    }
                    case Event.GlobalPush(long g) -> {
                        ringOf.values().forEach(q -> q.remove(g)); // an overflow moves it from a P
                        global.add(g);
                    }
                    case Event.GlobalPop(int p, long g) -> assertTrue(global.remove(g), where);
                    default -> { }
                }
            }
        }
    }

    @Test
    @DisplayName("GMP-02 go f() puts the new goroutine in the creator's runnext")
    void newGoroutineGoesToRunnext() {
        List<Traced> events = traced(1, () -> {
            Chan<Integer> done = Chan.make();
            go(() -> done.send(1));
            done.recv();
        });
        Traced create = events.stream().filter(e -> e.event() instanceof Event.GoCreate c && c.g() == 2).findFirst()
                .orElseThrow();
        Traced push = events.stream().filter(e -> e.event() instanceof Event.RunqPush p && p.g() == 2).findFirst()
                .orElseThrow();
        assertTrue(push.seq() > create.seq());
        Event.RunqPush p = (Event.RunqPush) push.event();
        assertTrue(p.runnext());
        assertEquals(0, p.p());
        assertEquals(1, push.g(), "pushed by its creator, goroutine 1");
    }

    @Test
    @DisplayName("GMP-02 a goroutine woken by a channel operation runs next on the waker's P")
    void wokenGoroutineGoesToTheWakersRunnext() {
        List<Traced> events = traced(1, () -> {
            Chan<Integer> ch = Chan.make();
            go(() -> ch.recv());
            ChanTest.waitUntilBlocked(ch, 1, false);
            ch.send(7);
        });
        boolean wakePush = false;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).event() instanceof Event.GoUnblock u && u.g() == 2 && u.by() == 1) {
                for (int j = i + 1; j < events.size(); j++) {
                    if (events.get(j).event() instanceof Event.RunqPush p && p.g() == 2) {
                        wakePush = p.runnext() && events.get(j).g() == 1;
                        break;
                    }
                }
            }
        }
        assertTrue(wakePush, "goroutine 2 was woken by 1 and pushed into 1's runnext");
    }

    @Test
    @DisplayName("GMP-08 Go.yield puts the goroutine on the global run queue")
    void yieldGoesToTheGlobalQueue() {
        List<Traced> events = traced(1, Go::yield);
        assertTrue(events.stream().anyMatch(e -> e.event() instanceof Event.GlobalPush g && g.g() == 1));
    }

    @Test
    @DisplayName("GMP-06 an idle P steals half of a loaded P's queue")
    void idlePStealsWork() {
        AtomicLong sink = new AtomicLong();
        List<Traced> events = traced(2, () -> {
            WaitGroup wg = new WaitGroup();
            // One P gets 64 runnable goroutines at once: its creator keeps running while it spawns.
            for (int i = 0; i < 64; i++) {
                wg.go(() -> {
                    long x = 0;
                    for (int k = 0; k < 200_000; k++) {
                        x += k * 31L;
                    }
                    sink.addAndGet(x);
                });
            }
            wg.await();
        });
        List<Event.RunqSteal> steals = events.stream().map(Traced::event)
                .filter(Event.RunqSteal.class::isInstance).map(Event.RunqSteal.class::cast).toList();
        assertTrue(!steals.isEmpty(), "no steal seen in " + events.size() + " events");
        assertTrue(steals.stream().allMatch(s -> s.from() != s.to() && !s.gs().isEmpty()));
    }

    @Test
    @DisplayName("GMP-06 a short queue behind a busy goroutine is stolen (after the thief's patience)")
    void shortQueueBehindABusyGoroutineIsStolen() {
        int n = 8; // fewer than StealWatch.BACKLOG: only patience lets the other M take them
        AtomicInteger ran = new AtomicInteger();
        List<Traced> events = traced(2, () -> {
            for (int i = 0; i < n; i++) {
                go(ran::incrementAndGet); // into main's runnext, the one before into its queue
            }
            // main keeps its M and never parks: what waits in its P's queue runs only if stolen.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ran.get() < n && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        });
        assertEquals(n, ran.get(), "every goroutine ran while main kept its P busy");
        assertTrue(events.stream().anyMatch(e -> e.event() instanceof Event.RunqSteal s && s.from() != s.to()),
                "the other P stole");
    }

    @Test
    @DisplayName("GMP-11 a goroutine blocked in Go.syscall has its P handed to another M")
    void syscallHandsOffTheP() throws InterruptedException {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Traced> events = new CopyOnWriteArrayList<>();
        Runtime rt = Runtime.builder().procs(1).events(events::add).build();
        Thread driver = Thread.ofPlatform().start(() -> rt.start(() -> {
            Chan<String> out = Chan.make(1);
            go(() -> Go.syscall(() -> {
                inCall.countDown();
                // A call that keeps its carrier (as blocking file I/O does): spin until released.
                while (release.getCount() > 0) {
                    Thread.onSpinWait();
                }
            }));
            try {
                inCall.await(); // not an engine operation: main parks outside the engine
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            // The only P is held by the goroutine in the syscall: main runs again only after sysmon
            // has handed that P to another M.
            go(() -> out.send("ran during the syscall"));
            out.recv();
            release.countDown();
        }));
        assertTrue(inCall.await(10, TimeUnit.SECONDS));
        driver.join(20_000);
        assertTrue(!driver.isAlive(), "the run did not finish");
        assertTrue(events.stream().anyMatch(e -> e.event() instanceof Event.Handoff h && h.p() == 0),
                "no hand-off event");
    }
}
