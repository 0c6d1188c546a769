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

import java.util.concurrent.atomic.AtomicLong;
import loomlab.engine.Chan;
import loomlab.engine.Runtime;
import loomlab.engine.WaitReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/nonblock.go}: non-blocking sends and receives (a select with
 * default) on unbuffered and one-slot channels of several element types (int32, int64, bool,
 * string). On an empty channel a non-blocking receive takes default. With a receiver parked, a
 * non-blocking send succeeds; with a sender parked (or its value buffered), a non-blocking
 * receive succeeds. The original retries up to 10,000 times with sleeps until the partner is
 * parked; here {@code main} waits until the partner goroutine is parked and then makes one attempt,
 * which must succeed.
 */
@Timeout(60)
class NonBlockTest {

    /** Counts the goroutines each program starts, so that main knows the next one's id. */
    private final AtomicLong lastId = new AtomicLong(1);

    private <T> void checkType(Runtime rt, int buffer, T toReceiver, T fromSender) {
        Chan<T> c = Chan.make(buffer);
        Chan<Boolean> sync = Chan.make();

        // An empty channel: the non-blocking receive takes default.
        select(recv(c, v -> fail("blocked sender: received " + v + " from an empty channel")), orElse(() -> { }));

        // A receiver is parked: the non-blocking send goes through.
        go(() -> {
            assertEquals(toReceiver, c.recv());
            sync.send(true);
        });
        waitUntilBlocked(rt, lastId.incrementAndGet(), WaitReason.CHAN_RECEIVE);
        boolean[] sent = {false};
        select(send(c, toReceiver, () -> sent[0] = true), orElse(() -> { }));
        assertTrue(sent[0], "non-blocking send to a parked receiver, buffer " + buffer);
        sync.recv();

        // A sender is parked (unbuffered) or has buffered its value: the non-blocking receive succeeds.
        go(() -> {
            c.send(fromSender);
            sync.send(true);
        });
        long sender = lastId.incrementAndGet();
        if (buffer > 0) {
            sync.recv();
        } else {
            waitUntilBlocked(rt, sender, WaitReason.CHAN_SEND);
        }
        Object[] got = {null};
        boolean[] received = {false};
        select(recv(c, v -> {
            got[0] = v;
            received[0] = true;
        }), orElse(() -> { }));
        assertTrue(received[0], "non-blocking receive from a parked sender, buffer " + buffer);
        assertEquals(fromSender, got[0]);
        if (buffer == 0) {
            sync.recv();
        }
    }

    @ParameterizedTest(name = "buffer {0}")
    @ValueSource(ints = {0, 1})
    @DisplayName("CH-10 CH-11 SEL-06 non-blocking sends and receives succeed exactly when a partner or the buffer is ready")
    void nonBlockingOperationsSucceedExactlyWhenReady(int buffer) {
        GoProgram.run(Runtime.builder(), rt -> () -> {
            checkType(rt, buffer, 123, 234);
            checkType(rt, buffer, 123456L, 234567L);
            checkType(rt, buffer, true, true);
            checkType(rt, buffer, "hello", "hello again");
        }).assertExited();
    }
}
