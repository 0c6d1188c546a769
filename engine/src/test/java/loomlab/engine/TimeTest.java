package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.VirtualPrograms.elapsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TimeTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    @DisplayName("SYN-02 virtual time starts at 2000-01-01T00:00:00Z and stands still while goroutines run")
    void virtualClockStartsAtTheEpochAndStandsStill() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            long sum = 0;
            for (int i = 0; i < 1_000_000; i++) {
                sum += i;
            }
            println(start, Time.since(start).isZero(), sum > 0);
        });
        assertEquals("2000-01-01T00:00:00Z true true\n", ran.out());
    }

    @Test
    @DisplayName("TM-01 a program that sleeps five minutes finishes at once, at exactly 5m0s of virtual time")
    void sleepingFiveMinutesIsInstantAndExact() {
        long wallStart = System.nanoTime();
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            Time.sleep(Duration.ofMinutes(5));
            println(elapsed(start));
            Time.sleep(Duration.ZERO);
            Time.sleep(Duration.ofSeconds(-1));
            println(elapsed(start));
        });
        assertEquals("5m0s\n5m0s\n", ran.out());
        assertTrue(System.nanoTime() - wallStart < 5_000_000_000L);
    }

    @Test
    @DisplayName("TM-01 sleepers wake in order of their deadlines, at exact virtual times")
    void sleepersWakeInDeadlineOrder() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            Chan<String> log = Chan.make();
            for (int s : new int[] {3, 1, 2}) {
                go(() -> {
                    Time.sleep(Duration.ofSeconds(s));
                    log.send(s + "s-sleeper at " + elapsed(start));
                });
            }
            for (int i = 0; i < 3; i++) {
                println(log.recv());
            }
        });
        assertEquals("1s-sleeper at 1s\n2s-sleeper at 2s\n3s-sleeper at 3s\n", ran.out());
    }

    @Test
    @DisplayName("TM-01 a sleeping goroutine shows wait reason 'sleep'")
    void sleepWaitReason() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            go("napper", () -> Time.sleep(Duration.ofHours(1)));
            Go.yield();
            Time.sleep(Duration.ofMinutes(1));
            for (GoroutineInfo g : Runtime_goroutines()) {
                println(g.header(), g.name());
            }
        });
        assertEquals("goroutine 1 [running]: main\ngoroutine 2 [sleep]: napper\n", ran.out());
    }

    /** The goroutines of the current run, seen from inside it. */
    private static java.util.List<GoroutineInfo> Runtime_goroutines() {
        return Goroutine.current().runtime.goroutines();
    }

    @Test
    @DisplayName("TM-02 the article's select timeout: a 3 s timeout fires at exactly 3 s when the work takes 5 s")
    void selectWithTimeoutFiresAtTheTimeout() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            Chan<String> result = Chan.make(1);
            go(() -> {
                Time.sleep(Duration.ofSeconds(5));
                result.send("done");
            });
            select(recv(result, v -> println("result", v, "at", elapsed(start))),
                    recv(Time.after(Duration.ofSeconds(3)), t -> println("timeout at", elapsed(start),
                            "value", Duration.between(start, t))));
        });
        assertEquals("timeout at 3s value PT3S\n", ran.out());
    }

    @Test
    @DisplayName("TM-03 TM-04 Stop before the timer fires returns true; again, false; nothing is ever received")
    void stopBeforeFiring() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Timer t = Time.newTimer(SECOND);
            println(t.stop(), t.stop());
            Time.sleep(Duration.ofSeconds(2));
            select(recv(t.C, v -> println("stale value!")), orElse(() -> println("nothing")));
        });
        assertEquals("true false\nnothing\n", ran.out());
    }

    @Test
    @DisplayName("TM-04 TM-05 Stop after the deadline but before a receive returns true and drains the value")
    void stopAfterDeadlineDrains() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Timer t = Time.newTimer(SECOND);
            Time.sleep(Duration.ofSeconds(2)); // the timer fired into nobody's hands
            println(t.stop());
            select(recv(t.C, v -> println("stale value!")), orElse(() -> println("nothing")));
            Timer u = Time.newTimer(SECOND);
            u.C.recv();
            println(u.stop());
        });
        assertEquals("true\nnothing\nfalse\n", ran.out());
    }

    @Test
    @DisplayName("TM-06 Reset returns whether the timer was active, and no value of the old setting arrives")
    void resetSemantics() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            Timer t = Time.newTimer(SECOND);
            Time.sleep(Duration.ofSeconds(2)); // fired, not received
            println(t.reset(Duration.ofSeconds(3)));
            Instant got = t.C.recv();
            println("fired for", Time.format(Duration.between(start, got)), "received at", elapsed(start));
            println(t.reset(SECOND));
            println(t.reset(SECOND));
        });
        assertEquals("true\nfired for 5s received at 5s\nfalse\ntrue\n", ran.out());
    }

    @Test
    @DisplayName("TM-07 AfterFunc runs f in its own goroutine, C is null, Stop prevents it")
    void afterFunc() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            Chan<String> ran1 = Chan.make();
            Timer t = Time.afterFunc(Duration.ofSeconds(2), () -> ran1.send("f ran at " + elapsed(start)));
            println(t.C == null);
            println(ran1.recv());
            println(t.stop());
            Timer u = Time.afterFunc(SECOND, () -> println("must not run"));
            println(u.stop());
            Time.sleep(Duration.ofSeconds(5));
        });
        assertEquals("true\nf ran at 2s\nfalse\ntrue\n", ran.out());
    }

    @Test
    @DisplayName("TM-09 a ticker ticks every period; slow receivers miss ticks; Stop does not close C")
    void tickerDropsTicksForSlowReceivers() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            Ticker tk = Time.newTicker(Duration.ofMillis(300));
            for (int i = 0; i < 2; i++) {
                println("tick for", Time.format(Duration.between(start, tk.C.recv())), "at", elapsed(start));
            }
            Time.sleep(SECOND); // ticks at 900ms, 1.2s, 1.5s: only one is kept
            println("tick for", Time.format(Duration.between(start, tk.C.recv())), "at", elapsed(start));
            println("tick for", Time.format(Duration.between(start, tk.C.recv())), "at", elapsed(start));
            tk.stop();
            select(recv(tk.C, v -> println("stale")), orElse(() -> println("stopped, not closed")));
            println(tk.C.len(), tk.C.cap());
        });
        assertEquals("""
                tick for 300ms at 300ms
                tick for 600ms at 600ms
                tick for 900ms at 1.6s
                tick for 1.8s at 1.8s
                stopped, not closed
                0 0
                """, ran.out());
    }

    @Test
    @DisplayName("TM-09 TM-10 bad intervals: NewTicker and Reset panic with Go's messages; Tick(0) is nil")
    void badIntervals() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            try {
                Time.newTicker(Duration.ZERO);
            } catch (Panic p) {
                println(p.getMessage());
            }
            Ticker tk = Time.newTicker(SECOND);
            try {
                tk.reset(Duration.ofSeconds(-1));
            } catch (Panic p) {
                println(p.getMessage());
            }
            tk.stop();
            println(Time.tick(Duration.ZERO) == (Object) Chan.nil());
        });
        assertEquals("non-positive interval for NewTicker\nnon-positive interval for Ticker.Reset\ntrue\n", ran.out());
    }

    @Test
    @DisplayName("TM-13 DL-02 on the real clock a pending timer hides a deadlock until it fires")
    void pendingTimerHidesDeadlock() {
        Programs.Ran ran = VirtualPrograms.run(ClockMode.REAL, () -> {
            Chan<String> ch = Chan.make();
            go(() -> {
                Time.sleep(Duration.ofMillis(50));
                ch.send("late");
            });
            println(ch.recv());
            ch.recv();
        });
        assertEquals("late\n", ran.out());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
    }

    @Test
    @DisplayName("DL-01 on the virtual clock a deadlock is reported only when no timer is pending")
    void virtualDeadlockAfterTimersRunOut() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Instant start = Time.now();
            Time.afterFunc(Duration.ofHours(2), () -> println("timer at", elapsed(start)));
            Chan.make().recv();
        });
        assertEquals("timer at 2h0m0s\n", ran.out());
        assertEquals("fatal error: all goroutines are asleep - deadlock!", ran.result().reportLines().get(0));
        assertEquals("goroutine 1 [chan receive]:", ran.result().reportLines().get(2));
    }

    @Test
    @DisplayName("the real clock agrees with the virtual one: a 100 ms timeout beats 300 ms of work")
    void realClockAgrees() {
        Programs.Ran ran = VirtualPrograms.run(ClockMode.REAL, () -> {
            Instant start = Time.now();
            Chan<String> result = Chan.make(1);
            go(() -> {
                Time.sleep(Duration.ofMillis(300));
                result.send("done");
            });
            select(recv(result, v -> println("result")), recv(Time.after(Duration.ofMillis(100)), t -> {
                long ms = Time.since(start).toMillis();
                println("timeout", ms >= 100); // never early; a loaded machine may be late
            }));
        });
        assertEquals("timeout true\n", ran.out());
    }

    @Test
    @DisplayName("Go's Duration.String")
    void durationFormat() {
        assertEquals("0s", Time.format(Duration.ZERO));
        assertEquals("1.5s", Time.format(Duration.ofMillis(1500)));
        assertEquals("300ms", Time.format(Duration.ofMillis(300)));
        assertEquals("2µs", Time.format(Duration.ofNanos(2000)));
        assertEquals("7ns", Time.format(Duration.ofNanos(7)));
        assertEquals("2m0s", Time.format(Duration.ofMinutes(2)));
        assertEquals("1h2m3.5s", Time.format(Duration.ofMillis(3_723_500)));
        assertEquals("-1.5s", Time.format(Duration.ofMillis(-1500)));
    }

    @Test
    @DisplayName("timers outside a run say how to start one, naming the call")
    void timersOutsideARun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Time.newTimer(SECOND));
        assertTrue(e.getMessage().startsWith("Time.newTimer was called outside a LoomLab run"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Time.after(SECOND));
        assertTrue(e.getMessage().startsWith("Time.after was called outside a LoomLab run"), e.getMessage());
    }

    @Test
    @DisplayName("CH-14 the channels of time.After, a Timer and a Ticker are named for the views, and have cap 0 to the program")
    void timerChannelsAreNamedForTheViews() {
        java.util.List<loomlab.engine.events.Event.ChanMake> made = new java.util.ArrayList<>();
        Runtime.builder().mode(RunMode.DETERMINISTIC).seed(1)
                .events(t -> {
                    if (t.event() instanceof loomlab.engine.events.Event.ChanMake m) {
                        made.add(m);
                    }
                })
                .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build().start(() -> {
                    RecvChan<Instant> after = Time.after(SECOND);
                    Timer timer = Time.newTimer(SECOND);
                    Ticker ticker = Time.newTicker(SECOND);
                    assertEquals(0, after.cap());
                    assertEquals(0, timer.C.cap());
                    assertEquals(0, ticker.C.cap());
                    assertEquals("time.After(cap 0)", after.toString());
                    timer.stop();
                    ticker.stop();
                });
        assertEquals(java.util.List.of("time.After", "timer.C", "ticker.C"),
                made.stream().map(loomlab.engine.events.Event.ChanMake::name).toList());
        assertTrue(made.stream().allMatch(m -> m.timer() && m.cap() == 1), made.toString());
    }

    @Test
    @DisplayName("CH-14 TM-04 a firing nobody receives waits in the channel's inner slot, and Stop throws it away: "
            + "both are traced, by g 0, at the virtual times they happen")
    void aFiringWaitsInTheInnerSlotUntilStopThrowsItAway() {
        java.util.List<loomlab.engine.events.Traced> events = new java.util.ArrayList<>();
        java.util.List<String> printed = new java.util.ArrayList<>();
        Runtime.builder().mode(RunMode.DETERMINISTIC).seed(1).events(events::add)
                .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build().start(() -> {
                    Timer timer = Time.newTimer(Duration.ofMillis(10));
                    Time.sleep(Duration.ofMillis(30));
                    printed.add(timer.C.len() + " " + timer.C.cap() + " " + timer.stop());
                });
        assertEquals(java.util.List.of("0 0 true"), printed, "the program sees cap 0, len 0; Stop found the value");
        long timerChan = events.stream().map(loomlab.engine.events.Traced::event)
                .filter(e -> e instanceof loomlab.engine.events.Event.ChanMake m && m.timer())
                .map(e -> ((loomlab.engine.events.Event.ChanMake) e).ch()).findFirst().orElseThrow();
        java.util.List<String> onIt = events.stream()
                .filter(t -> t.event() instanceof loomlab.engine.events.Event.ChanSend s && s.ch() == timerChan
                        || t.event() instanceof loomlab.engine.events.Event.ChanRecv r && r.ch() == timerChan)
                .map(t -> t.nanos() / 1_000_000 + "ms " + t.event()).toList();
        String fired = loomlab.engine.events.Event.text(Clock.VIRTUAL_EPOCH.plusMillis(10));
        assertEquals(java.util.List.of(
                "10ms " + new loomlab.engine.events.Event.ChanSend(timerChan, 0, fired, 0, 0),
                "30ms " + new loomlab.engine.events.Event.ChanRecv(timerChan, 0, fired, true, 0, 0)), onIt);
    }
}
