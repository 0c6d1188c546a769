package loomlab.engine;

import static loomlab.engine.ContextTest.virtual;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ErrGroupTest {

    @Test
    @DisplayName("EG-01 the zero group waits for every task and returns the first error; later errors are dropped")
    void zeroGroupReturnsFirstError() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            ErrGroup g = new ErrGroup();
            g.go(() -> {
                Time.sleep(Duration.ofSeconds(2));
                throw new Exception("second failure");
            });
            g.go(() -> {
                Time.sleep(Duration.ofSeconds(1));
                throw new Exception("first failure");
            });
            g.go(() -> Time.sleep(Duration.ofSeconds(3)));
            Exception err = g.await();
            println(err.getMessage(), "after", Time.format(Time.since(start)));
        });
        assertEquals("first failure after 3s\n", ran.out());
    }

    @Test
    @DisplayName("EG-01 a zero group with no failing task returns null; it has no context")
    void zeroGroupWithoutErrors() {
        Programs.Ran ran = virtual(() -> {
            ErrGroup g = new ErrGroup();
            g.go(() -> Time.sleep(Duration.ofSeconds(1)));
            println(g.await());
            println(g.await());
        });
        assertEquals("null\nnull\n", ran.out());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ErrGroup().context());
        assertTrue(e.getMessage().contains("ErrGroup.withContext"));
    }

    @Test
    @DisplayName("EG-02 the derived context is canceled by the first error, with that error as its cause")
    void firstErrorCancelsContextWithCause() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            ErrGroup g = ErrGroup.withContext(Context.background());
            Context ctx = g.context();
            Exception boom = new Exception("boom");
            g.go(() -> {
                Time.sleep(Duration.ofSeconds(1));
                throw boom;
            });
            ctx.done().recv();
            println(ctx.err(), "/", Context.cause(ctx).getMessage(), "at", Time.format(Time.since(start)));
            println(g.await() == boom, Context.cause(ctx) == boom);
        });
        assertEquals("context canceled / boom at 1s\ntrue true\n", ran.out());
    }

    @Test
    @DisplayName("EG-02 without errors the derived context is canceled when await returns: Err and Cause are Canceled")
    void awaitCancelsContext() {
        Programs.Ran ran = virtual(() -> {
            ErrGroup g = ErrGroup.withContext(Context.background());
            Context ctx = g.context();
            g.go(() -> Time.sleep(Duration.ofSeconds(1)));
            Time.sleep(Duration.ofSeconds(2));
            println("before await:", ctx.err());
            println("await:", g.await());
            println("after await:", ctx.err(), "/", Context.cause(ctx));
            println(ctx);
        });
        assertEquals("""
                before await: null
                await: null
                after await: context canceled / context canceled
                context.Background.WithCancel
                """, ran.out());
    }

    @Test
    @DisplayName("EG-03 an error does not stop the other tasks; await waits for them")
    void errorDoesNotStopOthers() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            ErrGroup g = ErrGroup.withContext(Context.background());
            g.go(() -> {
                throw new IllegalArgumentException("bad");
            });
            g.go(() -> {
                Time.sleep(Duration.ofSeconds(3));
                println("slow task finished anyway at", Time.format(Time.since(start)));
            });
            println(g.await().getMessage(), "at", Time.format(Time.since(start)));
        });
        assertEquals("slow task finished anyway at 3s\nbad at 3s\n", ran.out());
    }

    @Test
    @DisplayName("Article 3.3: t2 fails at exactly 2s; t1 and t3 observe the cancellation at exactly 2s; Wait returns t2's error")
    void articleErrGroupExampleVirtual() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            ErrGroup g = ErrGroup.withContext(Context.background());
            Context ctx = g.context();
            Chan<String> seen = Chan.make(3);
            for (String task : List.of("t1", "t2", "t3")) {
                g.go(() -> {
                    if (task.equals("t2")) {
                        Time.sleep(Duration.ofSeconds(2));
                        throw new Exception("task " + task + " failed");
                    }
                    select(recv(Time.after(Duration.ofSeconds(5)), () -> seen.send(task + " finished")),
                            recv(ctx.done(), () -> seen.send(task + " saw " + ctx.err() + " at "
                                    + Time.format(Time.since(start)))));
                    if (ctx.err() != null) {
                        throw ctx.err();
                    }
                });
            }
            Exception err = g.await();
            println(err.getMessage(), "at", Time.format(Time.since(start)));
            List<String> lines = new ArrayList<>(List.of(seen.recv(), seen.recv()));
            lines.sort(null);
            lines.forEach(Go::println);
        });
        assertEquals("""
                task t2 failed at 2s
                t1 saw context canceled at 2s
                t3 saw context canceled at 2s
                """, ran.out());
    }

    @Test
    @DisplayName("Article 3.3 as written: all three tasks wait 2s, t2 fails, and Wait returns 'task t2 failed'")
    void articleErrGroupExampleAsWritten() {
        for (int run = 0; run < 20; run++) {
            Programs.Ran ran = virtual(() -> {
                ErrGroup g = ErrGroup.withContext(Context.background());
                Context ctx = g.context();
                for (String task : List.of("t1", "t2", "t3")) {
                    g.go(() -> {
                        Exception[] err = {null};
                        select(recv(Time.after(Duration.ofSeconds(2)), () -> {
                            if (task.equals("t2")) {
                                err[0] = new Exception("task " + task + " failed");
                            }
                        }), recv(ctx.done(), () -> err[0] = ctx.err()));
                        if (err[0] != null) {
                            throw err[0];
                        }
                    });
                }
                println(g.await().getMessage());
            });
            assertEquals("task t2 failed\n", ran.out());
        }
    }

    @Test
    @DisplayName("Article 3.3 on the real clock: t2 fails after 100ms and the others see the cancellation about then")
    void articleErrGroupExampleRealClock() {
        Programs.Ran ran = Programs.run(() -> {
            Instant start = Time.now();
            ErrGroup g = ErrGroup.withContext(Context.background());
            Context ctx = g.context();
            Chan<Long> seenAtMs = Chan.make(2);
            for (String task : List.of("t1", "t2", "t3")) {
                g.go(() -> {
                    if (task.equals("t2")) {
                        Time.sleep(Duration.ofMillis(100));
                        throw new Exception("task t2 failed");
                    }
                    select(recv(Time.after(Duration.ofSeconds(5)), () -> seenAtMs.send(-1L)),
                            recv(ctx.done(), () -> seenAtMs.send(Time.since(start).toMillis())));
                });
            }
            Exception err = g.await();
            long waited = Time.since(start).toMillis();
            for (int i = 0; i < 2; i++) {
                long ms = seenAtMs.recv();
                println(ms >= 100 && ms < 1000 ? "canceled in time" : "canceled at " + ms + "ms");
            }
            println(err.getMessage(), waited >= 100 && waited < 1000 ? "in time" : "after " + waited + "ms");
        });
        assertEquals("canceled in time\ncanceled in time\ntask t2 failed in time\n", ran.out());
    }

    @Test
    @DisplayName("EG-04 with setLimit(2), go blocks while two tasks run: four 1s tasks start at 0s, 0s, 1s, 1s")
    void limitBlocksGo() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            ErrGroup g = new ErrGroup();
            g.setLimit(2);
            for (int i = 1; i <= 4; i++) {
                int n = i;
                g.go(() -> {
                    println("task", n, "starts at", Time.format(Time.since(start)));
                    Time.sleep(Duration.ofSeconds(1));
                });
                println("go", n, "returned at", Time.format(Time.since(start)));
            }
            g.await();
            println("all done at", Time.format(Time.since(start)));
        });
        List<String> lines = List.of(ran.out().split("\n"));
        assertTrue(lines.contains("go 3 returned at 1s"), ran.out());
        assertTrue(lines.contains("task 3 starts at 1s"), ran.out());
        assertTrue(lines.contains("task 4 starts at 1s"), ran.out());
        assertTrue(lines.contains("go 2 returned at 0s"), ran.out());
        assertEquals("all done at 2s", lines.getLast());
    }

    @Test
    @DisplayName("EG-04 changing the limit while limited tasks run panics 'errgroup: modify limit while 2 goroutines in the group are still active'")
    void setLimitWhileActivePanics() {
        Programs.Ran ran = Programs.run(() -> {
            ErrGroup g = new ErrGroup();
            g.setLimit(3);
            Chan<Void> release = Chan.make();
            g.go(release::recv);
            g.go(release::recv);
            try {
                g.setLimit(5);
            } catch (Panic p) {
                println(p.value());
            }
            g.setLimit(-1); // n < 0 removes the limit without the check, as in Go
            release.close();
            g.await();
        });
        assertEquals("errgroup: modify limit while 2 goroutines in the group are still active\n", ran.out());
        assertEquals(0, ran.exit());
    }

    @Test
    @DisplayName("EG-05 tryGo starts a task only if the limit allows, and never blocks")
    void tryGo() {
        Programs.Ran ran = virtual(() -> {
            ErrGroup g = new ErrGroup();
            g.setLimit(1);
            Chan<Void> release = Chan.make();
            println(g.tryGo(release::recv), g.tryGo(() -> println("never")));
            release.close();
            g.await();
            boolean started = g.tryGo(() -> println("ran"));
            g.await();
            println(started);
            ErrGroup unlimited = new ErrGroup();
            println(unlimited.tryGo(() -> { }), unlimited.tryGo(() -> { }));
            unlimited.await();
        });
        assertEquals("true false\nran\ntrue\ntrue true\n", ran.out());
    }

    @Test
    @DisplayName("EG-06 a panic in a task crashes the run as in a plain goroutine; await never returns")
    void panicInTaskCrashes() {
        Programs.Ran ran = Programs.run(() -> {
            ErrGroup g = new ErrGroup();
            g.go(() -> {
                throw Go.panic("boom");
            });
            g.await();
            println("await returned");
        });
        assertEquals(2, ran.exit());
        assertInstanceOf(Outcome.Panicked.class, ran.result().outcome());
        assertEquals("panic: boom", ran.result().reportLines().get(0));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("EG-06 a runtime panic in a task (send on closed channel) crashes the run too")
    void runtimePanicInTaskCrashes() {
        Programs.Ran ran = Programs.run(() -> {
            ErrGroup g = ErrGroup.withContext(Context.background());
            Chan<Integer> ch = Chan.make(1);
            ch.close();
            g.go(() -> ch.send(1));
            g.await();
        });
        assertEquals("panic: send on closed channel", ran.result().reportLines().get(0));
    }

    @Test
    @DisplayName("EG-07 setLimit(0) makes every go block forever: a deadlock with main in [chan send]")
    void limitZeroBlocksForever() {
        Programs.Ran ran = Programs.run(() -> {
            ErrGroup g = new ErrGroup();
            g.setLimit(0);
            g.go(() -> println("never"));
        });
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals("fatal error: all goroutines are asleep - deadlock!", ran.result().reportLines().get(0));
        assertEquals("goroutine 1 [chan send]:", ran.result().reportLines().get(2));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("EG-08 go after await is allowed, but the derived context is already canceled")
    void goAfterAwait() {
        Programs.Ran ran = virtual(() -> {
            ErrGroup g = ErrGroup.withContext(Context.background());
            Context ctx = g.context();
            g.go(() -> { });
            g.await();
            g.go(() -> println("late task sees", ctx.err()));
            println(g.await());
        });
        assertEquals("late task sees context canceled\nnull\n", ran.out());
    }

    @Test
    @DisplayName("A task can return ctx.err(): throwing the shared ContextError is an ordinary error")
    void throwingContextErrorIsAnError() {
        Programs.Ran ran = virtual(() -> {
            CancelContext parent = Context.withCancel(Context.background());
            ErrGroup g = ErrGroup.withContext(parent);
            Context ctx = g.context();
            g.go(() -> {
                ctx.done().recv();
                throw ctx.err();
            });
            parent.cancel();
            println(g.await() == Context.CANCELED);
        });
        assertEquals("true\n", ran.out());
    }
}
