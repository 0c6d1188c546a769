package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.SendChan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/fifo.go}: channels are pure FIFOs. The asynchronous FIFO fills a
 * buffered channel and drains it in order; the synchronous FIFO threads a daisy chain of
 * goroutines, each of which must receive the value whose turn it is from one unbuffered channel.
 */
@Timeout(60)
class FifoTest {
    private static final int N = 10;

    @Test
    @DisplayName("CH-12 a buffered channel returns the values in the order they were sent")
    void bufferedChannelIsAFifo() {
        // given
        List<Integer> got = new ArrayList<>();

        // when
        GoProgram.runToExit(() -> {
            Chan<Integer> ch = Chan.make(N);
            for (int i = 0; i < N; i++) {
                ch.send(i);
            }
            for (int i = 0; i < N; i++) {
                got.add(ch.recv());
            }
        });

        // then
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got);
    }

    /** Waits for its turn on {@code in}, checks it receives {@code val} from {@code ch}, passes the turn on. */
    private static void chain(RecvChan<Integer> ch, int val, RecvChan<Integer> in, SendChan<Integer> out) {
        in.recv();
        int got = ch.recv();
        assertEquals(val, got, "link " + val + " of the chain");
        out.send(1);
    }

    @Test
    @DisplayName("CH-10 CH-12 a daisy chain of goroutines receives the values of an unbuffered channel in order")
    void unbufferedChannelServesAChainOfReceiversInOrder() {
        GoProgram.runToExit(() -> {
            // given
            Chan<Integer> ch = Chan.make();
            Chan<Integer> start = Chan.make();
            Chan<Integer> in = start;
            for (int i = 0; i < N; i++) {
                Chan<Integer> out = Chan.make();
                Chan<Integer> turn = in;
                int val = i;
                go(() -> chain(ch, val, turn, out));
                in = out;
            }

            // when
            start.send(0);
            for (int i = 0; i < N; i++) {
                ch.send(i);
            }

            // then: the last link passed the turn on, so every link got its own value
            in.recv();
        });
    }
}
