package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.VirtualPrograms.elapsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The source article's examples of sections 2.3, 2.5 and 4.4, in our Java, on the virtual clock
 * with exact timestamps and again on the real clock with tolerances. (Sections 2.2, 3.1 and 3.3
 * are in {@link ContextTest} and {@link ErrGroupTest}.)
 */
@Timeout(30)
class ArticleExamplesTest {

    /** 2.3: a counter guarded by a Mutex, incremented by many goroutines, waited for with a WaitGroup. */
    private static void mutexCounter() {
        Mutex mu = new Mutex();
        int[] count = {0};
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 100; i++) {
            wg.go(() -> {
                for (int k = 0; k < 1000; k++) {
                    mu.lock();
                    try {
                        count[0]++;
                    } finally {
                        mu.unlock();
                    }
                }
            });
        }
        wg.await();
        println("count =", count[0]);
    }

    @Test
    @DisplayName("2.3 SY-01 SY-11 a Mutex keeps 100 x 1000 increments exact; WaitGroup waits for all")
    void mutexCounterIsExact() {
        assertEquals("count = 100000\n", VirtualPrograms.run(ArticleExamplesTest::mutexCounter).out());
        assertEquals("count = 100000\n", VirtualPrograms.run(ClockMode.REAL, ArticleExamplesTest::mutexCounter).out());
    }

    @Test
    @DisplayName("2.3 SY-07 Once runs the initialisation exactly once among 50 goroutines")
    void onceInitialisesOnce() {
        Programs.Ran ran = VirtualPrograms.run(() -> {
            Once once = new Once();
            AtomicInteger inits = new AtomicInteger();
            WaitGroup wg = new WaitGroup();
            for (int i = 0; i < 50; i++) {
                wg.go(() -> once.run(inits::incrementAndGet));
            }
            wg.await();
            println("initialised", inits.get(), "time");
        });
        assertEquals("initialised 1 time\n", ran.out());
    }

    /** 2.5, taught the Go way: wait for a result or give up after three seconds. */
    private static void callWithTimeout(Duration work, Duration timeout) {
        Instant start = Time.now();
        Chan<String> result = Chan.make(1); // buffered: a late worker does not leak
        go("call", () -> {
            Time.sleep(work);
            result.send("response");
        });
        select(recv(result, v -> println(v, "after", elapsed(start))),
                recv(Time.after(timeout), t -> println("timeout after", elapsed(start))));
    }

    @Test
    @DisplayName("2.5 TM-02 a 3 s timeout fires at exactly 3 s; a 1 s answer wins at exactly 1 s")
    void selectTimeoutAtExactTimes() {
        assertEquals("timeout after 3s\n",
                VirtualPrograms.run(() -> callWithTimeout(Duration.ofSeconds(5), Duration.ofSeconds(3))).out());
        assertEquals("response after 1s\n",
                VirtualPrograms.run(() -> callWithTimeout(Duration.ofSeconds(1), Duration.ofSeconds(3))).out());
    }

    @Test
    @DisplayName("2.5 the same on the real clock, within tolerance")
    void selectTimeoutOnTheRealClock() {
        Programs.Ran ran = VirtualPrograms.run(ClockMode.REAL, () -> {
            Instant start = Time.now();
            callWithTimeout(Duration.ofMillis(500), Duration.ofMillis(150));
            println(Time.since(start).toMillis());
        });
        String[] lines = ran.out().split("\n");
        assertTrue(lines[0].startsWith("timeout after "), ran.out());
        long ms = Long.parseLong(lines[1]);
        // Not before the timeout; before the work would have answered (a loaded machine may be late).
        assertTrue(ms >= 150 && ms < 500, ran.out());
    }

    /** 4.4: a one-shot timer, and a ticker stopped by a done channel. */
    private static void timerAndTicker() {
        Instant start = Time.now();
        Timer timer = Time.newTimer(Duration.ofSeconds(3));
        WaitGroup wg = new WaitGroup();
        wg.go(() -> {
            timer.C.recv();
            println("timer expired at", elapsed(start));
        });
        Chan<Void> done = Chan.make();
        Ticker ticker = Time.newTicker(Duration.ofMillis(500));
        wg.go(() -> {
            try {
                boolean[] running = {true};
                while (running[0]) {
                    select(recv(ticker.C, t -> println("working at", elapsed(start))),
                            recv(done, () -> running[0] = false));
                }
            } finally {
                ticker.stop();
            }
            println("ticker stopped at", elapsed(start));
        });
        Time.sleep(Duration.ofMillis(1600));
        done.close();
        wg.await();
    }

    @Test
    @DisplayName("4.4 TM-09 the ticker works at 500 ms, 1 s, 1.5 s; stops at 1.6 s; the timer expires at 3 s")
    void timerAndTickerAtExactTimes() {
        assertEquals("""
                working at 500ms
                working at 1s
                working at 1.5s
                ticker stopped at 1.6s
                timer expired at 3s
                """, VirtualPrograms.run(ArticleExamplesTest::timerAndTicker).out());
    }

    @Test
    @DisplayName("4.4 the same on the real clock: three ticks, then the stop, then the timer")
    void timerAndTickerOnTheRealClock() {
        String out = VirtualPrograms.run(ClockMode.REAL, ArticleExamplesTest::timerAndTicker).out();
        List<String> lines = List.of(out.split("\n"));
        // A loaded machine may deliver a tick late, never early: at least the three ticks before 1.6 s,
        // then the stop, then the timer, in that order.
        long ticks = lines.stream().takeWhile(l -> l.startsWith("working at ")).count();
        assertTrue(ticks >= 3, out);
        assertTrue(lines.get((int) ticks).startsWith("ticker stopped at 1."), out);
        assertTrue(lines.get((int) ticks + 1).startsWith("timer expired at 3"), out);
    }
}
