package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;

import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.SendChan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/goroutines.go}: 10,000 goroutines threaded together by unbuffered
 * channels, each passing one value from its right neighbour to its left. A value sent in at the
 * right end must come out at the left end, and the chain must tear down cleanly.
 */
@Timeout(60)
class GoroutinesTest {
    private static final int N = 10_000;

    /** Go's {@code f}: {@code left <- <-right}. */
    private static void pass(SendChan<Integer> left, RecvChan<Integer> right) {
        left.send(right.recv());
    }

    @Test
    @DisplayName("CH-10 a value passes through a chain of 10,000 goroutines joined by unbuffered channels")
    void valuePassesThroughAChainOfTenThousandGoroutines() {
        int[] got = {0};
        GoProgram program = GoProgram.runToExit(() -> {
            // given
            Chan<Integer> leftmost = Chan.make();
            Chan<Integer> left = leftmost;
            Chan<Integer> right = leftmost;
            for (int i = 0; i < N; i++) {
                right = Chan.make();
                Chan<Integer> l = left;
                Chan<Integer> r = right;
                go(() -> pass(l, r));
                left = right;
            }

            // when
            Chan<Integer> rightmost = right;
            go(() -> rightmost.send(1));

            // then
            got[0] = leftmost.recv();
        });
        assertEquals(1, got[0]);
        assertEquals(0, program.result().exitStatus());
    }
}
