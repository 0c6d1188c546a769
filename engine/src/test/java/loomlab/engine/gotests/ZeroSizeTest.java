package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recvOk;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import loomlab.engine.Chan;
import loomlab.engine.Received;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/zerosize.go}, which makes channels of zero-size types
 * ({@code chan struct{}}, {@code chan [0]byte}), buffered and not. Java's nearest type is
 * {@code Chan<Void>}, whose only value is {@code null}; beyond making them, these tests check that
 * such channels carry their values like any other, {@code ok} telling a sent null from a close.
 */
@Timeout(60)
class ZeroSizeTest {

    @Test
    @DisplayName("CH-18 channels of a zero-size type can be made, buffered and unbuffered")
    void zeroSizeChannelsCanBeMade() {
        GoProgram.runToExit(() -> {
            Chan<Void> unbuffered = Chan.make();
            Chan<Void> buffered = Chan.make(1);
            assertEquals(0, unbuffered.cap());
            assertEquals(1, buffered.cap());
        });
    }

    @Test
    @DisplayName("CH-15 CH-18 a buffered Chan<Void> holds null values, counted by len, received with ok")
    void bufferedVoidChannelCarriesNulls() {
        GoProgram.runToExit(() -> {
            // given
            Chan<Void> c = Chan.make(2);

            // when
            c.send(null);
            c.send(null);
            c.close();

            // then
            assertEquals(2, c.len());
            assertEquals(new Received<Void>(null, true), c.recvOk());
            assertEquals(new Received<Void>(null, true), c.recvOk());
            assertEquals(new Received<Void>(null, false), c.recvOk());
        });
    }

    @Test
    @DisplayName("CH-10 CH-18 an unbuffered Chan<Void> synchronises a sender and a receiver")
    void unbufferedVoidChannelSynchronises() {
        GoProgram.runToExit(() -> {
            // given
            Chan<Void> c = Chan.make();
            Chan<Void> done = Chan.make();
            go(() -> {
                c.send(null);
                select(send(c, null));
                done.close();
            });

            // when
            Received<Void> first = c.recvOk();
            boolean[] ok = {false};
            select(recvOk(c, (v, k) -> {
                assertNull(v);
                ok[0] = k;
            }), recvOk(done, (v, k) -> { }));

            // then
            assertEquals(new Received<Void>(null, true), first);
            assertTrue(ok[0], "the second null arrived through the select, with ok");
            assertEquals(new Received<Void>(null, false), done.recvOk());
        });
    }

    @Test
    @DisplayName("CH-17 CH-18 ranging over a Chan<Void> yields each sent null and stops at close")
    void rangeOverVoidChannelCountsNulls() {
        GoProgram.runToExit(() -> {
            Chan<Void> c = Chan.make();
            go(() -> {
                for (int i = 0; i < 5; i++) {
                    c.send(null);
                }
                c.close();
            });
            int n = 0;
            for (Void v : c) {
                assertNull(v);
                n++;
            }
            assertEquals(5, n);
        });
    }
}
