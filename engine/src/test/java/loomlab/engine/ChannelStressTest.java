package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stress runs of channels and select on all carriers: many producers and consumers on one
 * channel (exactly-once delivery), the uniformity of select over 100,000 choices, and a million
 * goroutines parked on one channel, all released by one {@code close}. Real parallel runs, not
 * benchmarks: each asserts exact results, and none orders events by sleeping.
 */
class ChannelStressTest {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private static RunResult run(Runtime.Builder settings, Runnable main) {
        RunResult r = settings.out(DISCARD).err(DISCARD).build().start(main);
        if (r.outcome() instanceof Outcome.Panicked p && p.throwable() instanceof AssertionError e) {
            throw e;
        }
        assertEquals(0, r.exitStatus(), r::report);
        assertInstanceOf(Outcome.Exited.class, r.outcome());
        return r;
    }

    @ParameterizedTest(name = "cap {0}, {1} values per producer")
    @CsvSource({"64, 100000", "0, 10000"})
    @Timeout(120)
    @DisplayName("CH-10 CH-11 CH-17 16 producers and 16 consumers on one channel: every value is delivered exactly once")
    void everyValueIsDeliveredExactlyOnce(int capacity, int perProducer) {
        int producers = 16;
        int consumers = 16;
        AtomicIntegerArray delivered = new AtomicIntegerArray(producers * perProducer);
        AtomicInteger total = new AtomicInteger();

        run(Runtime.builder(), () -> {
            // given
            Chan<Integer> ch = Chan.make(capacity);
            Chan<Boolean> produced = Chan.make();
            Chan<Boolean> consumed = Chan.make();

            // when
            for (int p = 0; p < producers; p++) {
                int base = p * perProducer;
                go(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        ch.send(base + i);
                    }
                    produced.send(true);
                });
            }
            for (int c = 0; c < consumers; c++) {
                go(() -> {
                    for (int v : ch) {
                        delivered.incrementAndGet(v);
                        total.incrementAndGet();
                    }
                    consumed.send(true);
                });
            }
            for (int p = 0; p < producers; p++) {
                produced.recv();
            }
            ch.close();
            for (int c = 0; c < consumers; c++) {
                consumed.recv();
            }
        });

        // then
        assertEquals(producers * perProducer, total.get());
        for (int v = 0; v < delivered.length(); v++) {
            assertEquals(1, delivered.get(v), "deliveries of value " + v);
        }
    }

    @ParameterizedTest(name = "{0} ready cases")
    @ValueSource(ints = {2, 4})
    @Timeout(120)
    @DisplayName("SEL-03 over 100,000 selects among always-ready cases each case wins within 3% of its fair share")
    void selectAmongReadyCasesIsUniform(int cases) {
        int choices = 100_000;
        int[] wins = new int[cases];

        run(Runtime.builder(), () -> {
            // given: every channel holds a value for every select, so every case is always ready
            Select.Case[] ready = new Select.Case[cases];
            for (int k = 0; k < cases; k++) {
                Chan<Integer> ch = Chan.make(choices);
                for (int i = 0; i < choices; i++) {
                    ch.send(k);
                }
                int index = k;
                ready[k] = recv(ch, v -> wins[index]++);
            }

            // when
            for (int i = 0; i < choices; i++) {
                select(ready);
            }
        });

        // then: 3% of the fair share is 5.5 sigma with four cases, 9.5 sigma with two
        double fair = (double) choices / cases;
        for (int k = 0; k < cases; k++) {
            int w = wins[k];
            assertTrue(Math.abs(w - fair) <= 0.03 * fair,
                    "case " + k + " won " + w + " of " + choices + " choices; fair share " + fair);
        }
    }

    @Test
    @Tag("stress")
    @Timeout(180)
    @DisplayName("CH-08 close wakes every one of 1,000,000 goroutines parked in receive, each with ok=false")
    void closeWakesAMillionParkedReceivers() {
        int n = 1_000_000;
        CountDownLatch finished = new CountDownLatch(n);
        AtomicInteger closedSeen = new AtomicInteger();
        boolean[] allFinished = {false};
        long[] releaseNanos = {0};

        run(Runtime.builder().recordCreators(false), () -> {
            // given: a million goroutines parked in one receive
            Chan<Integer> ch = Chan.make();
            for (int i = 0; i < n; i++) {
                go(() -> {
                    if (!ch.recvOk().ok()) {
                        closedSeen.incrementAndGet();
                    }
                    finished.countDown();
                });
            }
            ChanTest.waitUntilBlocked(ch, n, false);

            // when: one close, on this goroutine's default-size stack
            long t0 = System.nanoTime();
            ch.close();

            // then
            allFinished[0] = awaitUninterruptibly(finished, 150);
            releaseNanos[0] = System.nanoTime() - t0;
        });

        assertTrue(allFinished[0], () -> (n - finished.getCount()) + " of " + n + " receivers finished");
        assertEquals(n, closedSeen.get());
        System.out.printf("closing a channel woke %,d parked receivers in %,d ms (cold JVM)%n", n,
                releaseNanos[0] / 1_000_000);
    }

    private static boolean awaitUninterruptibly(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
