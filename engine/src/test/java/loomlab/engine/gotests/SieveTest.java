package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.SendChan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ports of Go's {@code test/chan/sieve1.go} and {@code test/chan/sieve2.go}: prime sieves built
 * from goroutines and channels. sieve1 is the classic daisy chain of filter goroutines, one per
 * prime found; sieve2 merges channels of multiples through a heap and feeds primes back through
 * an unbounded proxy. Both must produce exactly the primes below 100, in order.
 */
@Timeout(60)
class SieveTest {
    private static final List<Integer> PRIMES_BELOW_100 = List.of(
            2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97);

    // ---------------------------------------------------------------- sieve1.go

    /** Sends 2, 3, 4, … to {@code ch}. */
    private static void generate(SendChan<Integer> ch) {
        for (int i = 2; ; i++) {
            ch.send(i);
        }
    }

    /** Copies the values from {@code in} to {@code out}, removing those divisible by {@code prime}. */
    private static void filter(RecvChan<Integer> in, SendChan<Integer> out, int prime) {
        for (;;) {
            int i = in.recv();
            if (i % prime != 0) {
                out.send(i);
            }
        }
    }

    /** The daisy chain: each prime found adds one filter goroutine to the end of the chain. */
    private static void sieve(SendChan<Integer> primes) {
        Chan<Integer> first = Chan.make();
        go(() -> generate(first));
        Chan<Integer> ch = first;
        for (;;) {
            int prime = ch.recv();
            primes.send(prime);
            Chan<Integer> ch1 = Chan.make();
            Chan<Integer> in = ch;
            go(() -> filter(in, ch1, prime));
            ch = ch1;
        }
    }

    @Test
    @DisplayName("CH-10 CH-12 sieve1: the daisy chain of filters yields exactly the primes below 100")
    void daisyChainSieveYieldsThePrimesBelow100() {
        // given
        List<Integer> got = new ArrayList<>();

        // when
        GoProgram.runToExit(() -> {
            Chan<Integer> primes = Chan.make();
            go(() -> sieve(primes));
            for (int i = 0; i < PRIMES_BELOW_100.size(); i++) {
                got.add(primes.recv());
            }
        });

        // then
        assertEquals(PRIMES_BELOW_100, got);
    }

    @Test
    @DisplayName("CH-10 CH-12 sieve1: the daisy chain yields the first 100 primes, ending at 541")
    void daisyChainSieveYieldsTheFirstHundredPrimes() {
        // given
        List<Integer> got = new ArrayList<>();

        // when
        GoProgram.runToExit(() -> {
            Chan<Integer> primes = Chan.make();
            go(() -> sieve(primes));
            for (int i = 0; i < 100; i++) {
                got.add(primes.recv());
            }
        });

        // then
        assertEquals(firstPrimesByTrialDivision(100), got);
        assertEquals(541, got.getLast());
    }

    private static List<Integer> firstPrimesByTrialDivision(int count) {
        List<Integer> primes = new ArrayList<>();
        for (int n = 2; primes.size() < count; n++) {
            int candidate = n;
            if (primes.stream().noneMatch(p -> candidate % p == 0)) {
                primes.add(n);
            }
        }
        return primes;
    }

    // ---------------------------------------------------------------- sieve2.go

    /** The odd numbers from 5 on. */
    private static Chan<Integer> odds() {
        Chan<Integer> out = Chan.make(50);
        go(() -> {
            for (int n = 5; ; n += 2) {
                out.send(n);
            }
        });
        return out;
    }

    /** The odd multiples of prime {@code p}, from {@code p*p} on. */
    private static Chan<Integer> multiples(int p) {
        Chan<Integer> out = Chan.make(10);
        go(() -> {
            for (int n = p * p; ; n += 2 * p) {
                out.send(n);
            }
        });
        return out;
    }

    /** A channel and the value already taken from it. */
    private static final class PeekCh {
        int head;
        final Chan<Integer> ch;

        PeekCh(int head, Chan<Integer> ch) {
            this.head = head;
            this.ch = ch;
        }
    }

    /**
     * A channel that forwards to {@code out} through an ever-growing buffer, so that sending to it
     * never blocks for long. When the buffer is empty the output case uses a nil channel (SEL-04).
     */
    private static SendChan<Integer> sendProxy(SendChan<Integer> out) {
        Chan<Integer> proxy = Chan.make(10);
        go(() -> {
            ArrayDeque<Integer> buffer = new ArrayDeque<>();
            for (;;) {
                SendChan<Integer> c = buffer.isEmpty() ? Chan.nil() : out;
                Integer e = buffer.isEmpty() ? Integer.valueOf(0) : buffer.peekFirst();
                select(
                        recv(proxy, v -> buffer.addLast(v)),
                        send(c, e, () -> buffer.removeFirst()));
            }
        });
        return proxy;
    }

    /** Eratosthenes over channels: composites are merged in order and sieved out of the odd candidates. */
    private static Chan<Integer> eratosthenes() {
        Chan<Integer> out = Chan.make(10);
        out.send(2);
        out.send(3);
        Chan<Integer> composites = Chan.make(50);
        Chan<Integer> primes = Chan.make(10);
        primes.send(3);

        // Merge the channels of multiples of the primes into composites.
        go(() -> {
            PriorityQueue<PeekCh> heap = new PriorityQueue<>((a, b) -> Integer.compare(a.head, b.head));
            int min = 15;
            for (;;) {
                Chan<Integer> m = multiples(primes.recv());
                int head = m.recv();
                while (min < head) {
                    composites.send(min);
                    PeekCh minchan = heap.remove();
                    min = minchan.head;
                    minchan.head = minchan.ch.recv();
                    heap.add(minchan);
                }
                while (min == head) {
                    PeekCh minchan = heap.remove();
                    min = minchan.head;
                    minchan.head = minchan.ch.recv();
                    heap.add(minchan);
                }
                composites.send(head);
                heap.add(new PeekCh(m.recv(), m));
            }
        });

        // Sieve the composites out of the candidates.
        go(() -> {
            SendChan<Integer> feedback = sendProxy(primes);
            Chan<Integer> candidates = odds();
            int p = candidates.recv();
            for (;;) {
                int c = composites.recv();
                while (p < c) {
                    feedback.send(p);
                    out.send(p);
                    p = candidates.recv();
                }
                if (p == c) {
                    p = candidates.recv();
                }
            }
        });
        return out;
    }

    @Test
    @DisplayName("CH-11 SEL-04 sieve2: the merging Eratosthenes sieve yields exactly the primes below 100")
    void eratosthenesSieveYieldsThePrimesBelow100() {
        // given
        List<Integer> got = new ArrayList<>();

        // when
        GoProgram.runToExit(() -> {
            Chan<Integer> primes = eratosthenes();
            for (int i = 0; i < PRIMES_BELOW_100.size(); i++) {
                got.add(primes.recv());
            }
        });

        // then
        assertEquals(PRIMES_BELOW_100, got);
    }
}
