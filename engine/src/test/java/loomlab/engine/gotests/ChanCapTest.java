package loomlab.engine.gotests;

import static loomlab.engine.gotests.Select3Test.assertPanics;
import static org.junit.jupiter.api.Assertions.assertEquals;

import loomlab.engine.Chan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chancap.go}: {@code len} and {@code cap} of buffered and unbuffered
 * channels, and {@code make} with a negative or too large size panicking with
 * {@code makechan: size out of range}. Java sizes are {@code int}, so "too large" is
 * {@code Integer.MAX_VALUE} where Go tries {@code 1<<40} and beyond.
 */
@Timeout(60)
class ChanCapTest {

    @Test
    @DisplayName("CH-13 len and cap of a buffered channel are its count and its size")
    void lenAndCapOfBufferedChannel() {
        GoProgram.runToExit(() -> {
            // given
            Chan<Integer> c = Chan.make(10);
            assertEquals(0, c.len());
            assertEquals(10, c.cap());

            // when
            for (int i = 0; i < 3; i++) {
                c.send(i);
            }

            // then
            assertEquals(3, c.len());
            assertEquals(10, c.cap());
        });
    }

    @Test
    @DisplayName("CH-13 len and cap of unbuffered and nil channels are 0")
    void lenAndCapOfUnbufferedAndNilChannels() {
        GoProgram.runToExit(() -> {
            Chan<Integer> c = Chan.make();
            assertEquals(0, c.len());
            assertEquals(0, c.cap());
            assertEquals(0, Chan.nil().len());
            assertEquals(0, Chan.nil().cap());
        });
    }

    @Test
    @DisplayName("CH-01 GO-09 make with a negative size panics: makechan: size out of range")
    void makeWithNegativeSizePanics() {
        GoProgram.runToExit(() -> {
            int n = -1;
            assertPanics("makechan: size out of range", () -> Chan.make(n));
            assertPanics("makechan: size out of range", () -> Chan.make(Integer.MIN_VALUE));
        });
    }

    @Test
    @DisplayName("CH-01 make with a size too large to allocate panics: makechan: size out of range")
    void makeWithHugeSizePanics() {
        GoProgram.runToExit(() -> assertPanics("makechan: size out of range", () -> Chan.make(Integer.MAX_VALUE)));
    }

    @Test
    @DisplayName("CH-01 GO-02 an unrecovered makechan panic ends the run with exit status 2 and no runtime error prefix")
    void unrecoveredMakechanPanicEndsTheRun() {
        GoProgram program = GoProgram.run(() -> Chan.make(-1));
        assertEquals(2, program.result().exitStatus());
        assertEquals("panic: makechan: size out of range", program.result().reportLines().getFirst());
        assertEquals("goroutine 1 [running]:", program.result().reportLines().get(2));
    }
}
