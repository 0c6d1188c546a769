package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.BitSet;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.SendChan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/doubleselect.go}: one sender selects over four unbuffered
 * channels for 100,000 iterations, sending the iteration number; four mux goroutines forward
 * whatever they get to one channel; the receiver (main) fails on a duplicate. If a select ever
 * completed two cases, a value would arrive twice. A real parallel run on all carriers.
 */
@Timeout(120)
class DoubleSelectTest {
    private static final int ITERATIONS = 100_000;

    /** Sends 0..n-1, each to whichever of the four channels takes it first; then closes all four. */
    private static void sender(int n, Chan<Integer> c1, Chan<Integer> c2, Chan<Integer> c3, Chan<Integer> c4) {
        try {
            for (int i = 0; i < n; i++) {
                select(send(c1, i), send(c2, i), send(c3, i), send(c4, i));
            }
        } finally {
            c4.close();
            c3.close();
            c2.close();
            c1.close();
        }
    }

    private static void mux(SendChan<Integer> out, RecvChan<Integer> in, SendChan<Boolean> done) {
        for (int v : in) {
            out.send(v);
        }
        done.send(true);
    }

    @Test
    @DisplayName("SEL-09 SEL-10 no select completes two cases: 100,000 values through four channels arrive once each")
    void noSelectCompletesTwoCases() {
        BitSet seen = new BitSet(ITERATIONS);
        int[] received = {0};
        GoProgram.runToExit(() -> {
            // given
            Chan<Integer> c1 = Chan.make();
            Chan<Integer> c2 = Chan.make();
            Chan<Integer> c3 = Chan.make();
            Chan<Integer> c4 = Chan.make();
            Chan<Boolean> done = Chan.make();
            Chan<Integer> cmux = Chan.make();

            // when
            go(() -> sender(ITERATIONS, c1, c2, c3, c4));
            go(() -> mux(cmux, c1, done));
            go(() -> mux(cmux, c2, done));
            go(() -> mux(cmux, c3, done));
            go(() -> mux(cmux, c4, done));
            go(() -> {
                for (int i = 0; i < 4; i++) {
                    done.recv();
                }
                cmux.close();
            });

            // then: main is the receiver, so it decides when the program exits
            for (int v : cmux) {
                assertFalse(seen.get(v), "got duplicate value: " + v);
                seen.set(v);
                received[0]++;
            }
        });
        assertEquals(ITERATIONS, received[0]);
        assertEquals(ITERATIONS, seen.cardinality());
    }
}
