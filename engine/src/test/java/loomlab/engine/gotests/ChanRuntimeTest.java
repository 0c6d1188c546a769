package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static loomlab.engine.gotests.GoProgram.waitUntilBlocked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import loomlab.engine.Chan;
import loomlab.engine.Go;
import loomlab.engine.Runtime;
import loomlab.engine.WaitReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ports of tests from Go's {@code src/runtime/chan_test.go}: {@code TestNonblockRecvRace},
 * {@code TestNonblockSelectRace} and {@code 2}, {@code TestSelfSelect}, {@code TestSelectFairness},
 * {@code TestPseudoRandomSend}, {@code TestMultiConsumer}, {@code TestSelectStress} and
 * {@code TestSelectDuplicateChannel}. They race real goroutines on all carriers and check
 * linearizability, exactly-once delivery and the fairness of select. Go's {@code sync.WaitGroup}
 * and {@code sync.Mutex} are replaced by done channels.
 */
@Timeout(120)
class ChanRuntimeTest {

    @Test
    @DisplayName("CH-20 a non-blocking receive on a closed channel that still holds a value takes it, never default")
    void nonblockRecvRace() {
        GoProgram.runToExit(() -> {
            for (int i = 0; i < 10_000; i++) {
                Chan<Integer> c = Chan.make(1);
                c.send(1);
                go(() -> select(recv(c), orElse(() -> fail("chan is not ready"))));
                c.close();
                c.recv();
            }
        });
    }

    @Test
    @DisplayName("CH-21 SEL-06 a select with default never takes default while one of its channels is always ready")
    void nonblockSelectRace() {
        GoProgram.runToExit(() -> {
            Chan<Boolean> done = Chan.make(1);
            for (int i = 0; i < 100_000; i++) {
                Chan<Integer> c1 = Chan.make(1);
                Chan<Integer> c2 = Chan.make(1);
                c1.send(1);
                go(() -> {
                    boolean[] ready = {true};
                    select(recv(c1), recv(c2), orElse(() -> ready[0] = false));
                    done.send(ready[0]);
                });
                c2.send(1);
                select(recv(c1), orElse(() -> { }));
                assertTrue(done.recv(), "no chan is ready");
            }
        });
    }

    @Test
    @DisplayName("CH-21 SEL-07 a close counts as ready: a select with default never takes default across it")
    void nonblockSelectRace2() {
        GoProgram.runToExit(() -> {
            Chan<Boolean> done = Chan.make(1);
            for (int i = 0; i < 100_000; i++) {
                Chan<Integer> c1 = Chan.make(1);
                Chan<Integer> c2 = Chan.make();
                c1.send(1);
                go(() -> {
                    boolean[] ready = {true};
                    select(recv(c1), recv(c2), orElse(() -> ready[0] = false));
                    done.send(ready[0]);
                });
                c2.close();
                select(recv(c1), orElse(() -> { }));
                assertTrue(done.recv(), "no chan is ready");
            }
        });
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {0, 10})
    @DisplayName("SEL-11 selects sending and receiving on one channel never receive their own value nor deadlock")
    void selfSelect(int chanCap) {
        GoProgram.runToExit(() -> {
            Chan<Boolean> done = Chan.make();
            Chan<Integer> c = Chan.make(chanCap);
            for (int p = 0; p < 2; p++) {
                int self = p;
                go(() -> {
                    for (int i = 0; i < 1000; i++) {
                        java.util.function.Consumer<Integer> check = v -> {
                            if (chanCap == 0 && v == self) {
                                fail("self receive");
                            }
                        };
                        if (self == 0 || i % 2 == 0) {
                            select(send(c, self), recv(c, check));
                        } else {
                            select(recv(c, check), send(c, self));
                        }
                    }
                    done.send(true);
                });
            }
            done.recv();
            done.recv();
        });
    }

    @Test
    @DisplayName("SEL-03 a select among always-ready cases picks each about equally often (10 sigma over 10,000 trials)")
    void selectFairness() {
        int trials = 10_000;
        int[] counts = new int[2];
        GoProgram.runToExit(() -> {
            Chan<Integer> c1 = Chan.make(trials + 1);
            Chan<Integer> c2 = Chan.make(trials + 1);
            for (int i = 0; i < trials + 1; i++) {
                c1.send(1);
                c2.send(2);
            }
            Chan<Integer> c3 = Chan.make();
            Chan<Integer> c4 = Chan.make();
            Chan<Integer> out = Chan.make();
            Chan<Boolean> done = Chan.make();
            Chan<Boolean> finished = Chan.make();
            go(() -> {
                boolean[] stop = {false};
                while (!stop[0]) {
                    int[] b = {0};
                    select(recv(c3, v -> b[0] = v), recv(c4, v -> b[0] = v),
                            recv(c1, v -> b[0] = v), recv(c2, v -> b[0] = v));
                    select(send(out, b[0]), recv(done, () -> stop[0] = true));
                }
                finished.send(true);
            });
            for (int i = 0; i < trials; i++) {
                int b = out.recv();
                switch (b) {
                    case 1 -> counts[0]++;
                    case 2 -> counts[1]++;
                    default -> fail("unexpected value " + b + " on channel");
                }
            }
            done.close();
            finished.recv();
        });
        double mean = trials * 0.5;
        double stddev = Math.sqrt(trials * 0.5 * (1 - 0.5));
        assertTrue(Math.abs(counts[0] - mean) <= 10 * stddev,
                () -> "unfair select: in " + trials + " trials, results were " + counts[0] + ", " + counts[1]);
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {0, 100})
    @DisplayName("SEL-03 a select of two sends on one channel sends each value a fair share of the time")
    void pseudoRandomSend(int chanCap) {
        int n = 100;
        int[] l = new int[n];
        GoProgram.runToExit(() -> {
            Chan<Integer> c = Chan.make(chanCap);
            Chan<Boolean> done = Chan.make();
            go(() -> {
                for (int i = 0; i < n; i++) {
                    Go.yield();
                    l[i] = c.recv();
                }
                done.send(true);
            });
            for (int i = 0; i < n; i++) {
                select(send(c, 1), send(c, 0));
            }
            done.recv();
        });
        int n0 = 0;
        int n1 = 0;
        for (int i : l) {
            n0 += (i + 1) % 2;
            n1 += i;
        }
        int zeros = n0;
        int ones = n1;
        assertTrue(n0 > n / 10 && n1 > n / 10,
                () -> "want pseudorandom, got " + zeros + " zeros and " + ones + " ones (chan cap " + chanCap + ")");
    }

    @Test
    @DisplayName("CH-12 CH-17 23 workers ranging over one channel pass on every one of 271,828 values")
    void multiConsumer() {
        int nwork = 23;
        int niter = 271_828;
        List<Integer> pn = List.of(2, 3, 7, 11, 13, 17, 19, 23, 27, 31);
        long[] expect = {0};
        long[] got = {0, 0};
        GoProgram.runToExit(() -> {
            Chan<Integer> q = Chan.make(nwork * 3);
            Chan<Integer> r = Chan.make(nwork * 3);
            Chan<Boolean> workerDone = Chan.make();
            for (int i = 0; i < nwork; i++) {
                int w = i;
                go(() -> {
                    for (int v : q) {
                        // mess with the FIFO-ish nature of range
                        if (pn.get(w % pn.size()) == v) {
                            Go.yield();
                        }
                        r.send(v);
                    }
                    workerDone.send(true);
                });
            }
            go(() -> {
                for (int i = 0; i < niter; i++) {
                    int v = pn.get(i % pn.size());
                    expect[0] += v;
                    q.send(v);
                }
                q.close();
                for (int i = 0; i < nwork; i++) {
                    workerDone.recv();
                }
                r.close();
            });
            for (int v : r) {
                got[0]++;
                got[1] += v;
            }
        });
        assertEquals(niter, got[0], "values received");
        assertEquals(expect[0], got[1], "sum of the values");
    }

    @Test
    @DisplayName("SEL-09 SEL-13 plain operations and selects on four channels interleave chaotically without deadlock")
    void selectStress() {
        int n = 100_000;
        GoProgram.runToExit(() -> {
            List<Chan<Integer>> c = List.of(Chan.make(), Chan.make(), Chan.make(2), Chan.make(3));
            Chan<Boolean> done = Chan.make();
            for (int k = 0; k < 4; k++) {
                Chan<Integer> ck = c.get(k);
                go(() -> {
                    for (int i = 0; i < n; i++) {
                        ck.send(0);
                    }
                    done.send(true);
                });
                go(() -> {
                    for (int i = 0; i < n; i++) {
                        ck.recv();
                    }
                    done.send(true);
                });
            }
            go(() -> {
                int[] count = new int[4];
                Chan<?>[] c1 = c.toArray(new Chan<?>[0]);
                for (int i = 0; i < 4 * n; i++) {
                    select(sendCase(c1, count, n, 3), sendCase(c1, count, n, 2),
                            sendCase(c1, count, n, 0), sendCase(c1, count, n, 1));
                }
                done.send(true);
            });
            go(() -> {
                int[] count = new int[4];
                Chan<?>[] c1 = c.toArray(new Chan<?>[0]);
                for (int i = 0; i < 4 * n; i++) {
                    select(recvCase(c1, count, n, 0), recvCase(c1, count, n, 1),
                            recvCase(c1, count, n, 2), recvCase(c1, count, n, 3));
                }
                done.send(true);
            });
            for (int i = 0; i < 10; i++) {
                done.recv();
            }
        });
    }

    /** {@code case c1[k] <- 0:} which disables itself (sets {@code c1[k]} to nil) after n sends. */
    @SuppressWarnings("unchecked")
    private static loomlab.engine.Select.Case sendCase(Chan<?>[] c1, int[] count, int n, int k) {
        return send((Chan<Integer>) c1[k], 0, () -> {
            if (++count[k] == n) {
                c1[k] = Chan.nil();
            }
        });
    }

    /** {@code case <-c1[k]:} which disables itself after n receives. */
    private static loomlab.engine.Select.Case recvCase(Chan<?>[] c1, int[] count, int n, int k) {
        return recv(c1[k], () -> {
            if (++count[k] == n) {
                c1[k] = Chan.nil();
            }
        });
    }

    @Test
    @DisplayName("SEL-12 a select with the same channel in two cases queues twice and leaves the queue intact")
    void selectDuplicateChannel() {
        GoProgram.run(Runtime.builder(), rt -> () -> {
            Chan<Integer> c = Chan.make();
            Chan<Integer> d = Chan.make();
            Chan<Integer> e = Chan.make();
            Chan<Integer> gotByB = Chan.make(1);
            go(() -> { // goroutine A
                select(recv(c), recv(c), recv(d));
                e.send(9);
            });
            waitUntilBlocked(rt, 2, WaitReason.SELECT); // A is queued on c first
            go(() -> gotByB.send(c.recv())); // goroutine B
            waitUntilBlocked(rt, 3, WaitReason.CHAN_RECEIVE); // B is queued on c behind A
            d.send(7); // wakes A, which takes itself off c twice
            assertEquals(9, e.recv());
            c.send(8); // must wake B, not A
            assertEquals(8, gotByB.recv());
        }).assertExited();
    }
}
