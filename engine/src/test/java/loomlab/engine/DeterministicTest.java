package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deterministic runs: same program, seed and settings give the same events, every time. */
@Timeout(60)
class DeterministicTest {

    /** Example programs with goroutines, channels, select, timers, contexts and sync. */
    static Map<String, Runnable> programs() {
        return Map.of(
                "pingpong", () -> {
                    Chan<Integer> ping = Chan.make();
                    Chan<Integer> pong = Chan.make();
                    go(() -> {
                        for (Integer b : ping) {
                            pong.send(b + 1);
                        }
                    });
                    for (int i = 0; i < 5; i++) {
                        ping.send(i);
                        println(pong.recv());
                    }
                    ping.close();
                },
                "workers", () -> {
                    Chan<Integer> jobs = Chan.make(3);
                    Chan<String> results = Chan.make();
                    WaitGroup wg = new WaitGroup();
                    for (int w = 1; w <= 3; w++) {
                        int id = w;
                        wg.go(() -> {
                            for (Integer j : jobs) {
                                results.send("worker " + id + " did " + j);
                            }
                        });
                    }
                    go(() -> {
                        for (int j = 0; j < 9; j++) {
                            jobs.send(j);
                        }
                        jobs.close();
                    });
                    go(() -> {
                        wg.await();
                        results.close();
                    });
                    for (String r : results) {
                        println(r);
                    }
                },
                "timeouts", () -> {
                    Context ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(2));
                    Chan<String> slow = Chan.make(1);
                    go(() -> {
                        Time.sleep(Duration.ofSeconds(3));
                        slow.send("late");
                    });
                    select(recv(slow, v -> println(v)), recv(ctx.done(), () -> println("cancelled:", ctx.err())));
                },
                "mutex", () -> {
                    Mutex mu = new Mutex();
                    int[] n = {0};
                    WaitGroup wg = new WaitGroup();
                    for (int i = 0; i < 4; i++) {
                        wg.go(() -> {
                            for (int k = 0; k < 5; k++) {
                                mu.lock();
                                n[0]++;
                                println("n =", n[0]);
                                mu.unlock();
                            }
                        });
                    }
                    wg.await();
                });
    }

    static List<String> programNames() {
        return List.copyOf(new java.util.TreeSet<>(programs().keySet()));
    }

    private record Run(List<Traced> events, String out, int exit) {
    }

    private static Run run(Runnable program, long seed, SchedulePolicy policy) {
        List<Traced> events = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunResult r = Runtime.builder().mode(RunMode.DETERMINISTIC).seed(seed).policy(policy)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .events(events::add).build().start(program);
        return new Run(events, out.toString(StandardCharsets.UTF_8), r.exitStatus());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programNames")
    @DisplayName("same program and seed: the identical event sequence, twice")
    void sameSeedSameEvents(String name) {
        Runnable program = programs().get(name);
        for (SchedulePolicy policy : SchedulePolicy.values()) {
            Run a = run(program, 7, policy);
            Run b = run(program, 7, policy);
            assertEquals(0, a.exit());
            assertEquals(a.events().size(), b.events().size());
            for (int i = 0; i < a.events().size(); i++) {
                assertEquals(a.events().get(i), b.events().get(i), "event " + (i + 1) + " of " + name);
            }
            assertEquals(a.out(), b.out());
        }
    }

    @Test
    @DisplayName("different seeds give different interleavings where the program allows them")
    void differentSeedsDifferentInterleavings() {
        Set<String> outputs = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            outputs.add(run(programs().get("workers"), seed, SchedulePolicy.RANDOM).out());
        }
        assertTrue(outputs.size() > 1, "20 seeds gave one interleaving");
        Set<String> pct = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            pct.add(run(programs().get("workers"), seed, SchedulePolicy.PCT).out());
        }
        assertTrue(pct.size() > 1, "20 PCT seeds gave one interleaving");
    }

    @Test
    @DisplayName("a deterministic run is on the virtual clock: a 2 s timeout fires at exactly 2 s")
    void deterministicRunsUseVirtualTime() {
        Run r = run(programs().get("timeouts"), 3, SchedulePolicy.RANDOM);
        assertEquals("cancelled: context deadline exceeded\n", r.out());
        Traced cancel = r.events().stream().filter(e -> e.event() instanceof loomlab.engine.events.Event.CtxCancel)
                .findFirst().orElseThrow();
        assertEquals(2_000_000_000L, cancel.nanos());
    }

    @Test
    @DisplayName("a controller pauses the run, steps it one operation at a time, lets the user pick, and resumes")
    void controllerStepsAndPicks() throws InterruptedException {
        RunController controller = new RunController(true);
        List<Traced> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunResult[] result = new RunResult[1];
        Thread driver = Thread.ofPlatform().start(() -> result[0] = Runtime.builder().mode(RunMode.DETERMINISTIC)
                .seed(1).controller(controller).events(events::add).out(new PrintStream(new ByteArrayOutputStream()))
                .build().start(programs().get("pingpong")));
        // Paused before goroutine 1 runs at all.
        waitFor(() -> controller.runnable().equals(List.of(1L)));
        int before = events.size();
        controller.step();
        waitFor(() -> events.size() > before);
        int afterOne = events.size();
        controller.step();
        waitFor(() -> events.size() > afterOne);
        // Goroutine 2 exists now; pick it explicitly when it can run.
        waitFor(() -> controller.runnable().contains(2L) || controller.runnable().size() > 0);
        controller.resume();
        driver.join(30_000);
        assertEquals(0, result[0].exitStatus());
        assertNotEquals(before, afterOne);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
