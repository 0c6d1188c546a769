package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.recvOk;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import loomlab.engine.Chan;
import loomlab.engine.GoroutineInfo;
import loomlab.engine.Panic;
import loomlab.engine.Received;
import loomlab.engine.RuntimeError;
import loomlab.engine.WaitReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/select3.go}: the semantics table of basic channel operations and
 * selects, each row "always blocks", "never blocks", "always panics" or "never panics".
 *
 * <p>The original decides "blocks" with a 0.1 s timer racing the operation. Here the operation
 * runs in goroutine 2 while {@code main} waits to hear that it finished: if it blocks forever,
 * every goroutine is asleep and the run ends in the deadlock detector, whose dump names the wait
 * reason of goroutine 2. That is exact, and needs no clock.
 */
@Timeout(60)
class Select3Test {
    private static final long OPERATION = 2;

    /** Runs {@code f} in goroutine 2 of a fresh program; main waits for it to finish. */
    private static GoProgram testBlock(Runnable f) {
        return GoProgram.run(() -> {
            Chan<String> c = Chan.make();
            go(() -> {
                f.run();
                c.send("function did not block");
            });
            c.recv();
        });
    }

    private static void assertAlwaysBlocks(WaitReason expected, Runnable f) {
        GoProgram program = testBlock(f);
        List<GoroutineInfo> dump = program.assertDeadlocked();
        assertEquals(2, dump.size(), program.result()::report);
        assertEquals(WaitReason.CHAN_RECEIVE, program.waitReasonOf(1));
        assertEquals(expected, program.waitReasonOf(OPERATION));
        assertEquals("goroutine 2 [" + expected.text() + "]:", dump.get(1).header());
    }

    private static void assertNeverBlocks(Runnable f) {
        testBlock(f).assertExited();
    }

    private static void unreachable() {
        throw new AssertionError("control flow shouldn't reach here");
    }

    // ---------------------------------------------------------------- nil channels

    @Test
    @DisplayName("CH-02 a send on a nil channel blocks forever [chan send (nil chan)]")
    void sendOnNilChannelBlocksForever() {
        assertAlwaysBlocks(WaitReason.CHAN_SEND_NIL, () -> Chan.<Integer>nil().send(7));
    }

    @Test
    @DisplayName("CH-03 a receive from a nil channel blocks forever [chan receive (nil chan)]")
    void receiveFromNilChannelBlocksForever() {
        assertAlwaysBlocks(WaitReason.CHAN_RECEIVE_NIL, () -> Chan.<Integer>nil().recv());
    }

    @Test
    @DisplayName("CH-02 CH-03 SEL-04 nil-channel cases of a select with default are never selected")
    void nilChannelCasesAreNeverSelected() {
        GoProgram.runToExit(() -> {
            Chan<Integer> nilch = Chan.nil();
            select(send(nilch, 7, Select3Test::unreachable), orElse(() -> { }));
            select(recv(nilch, v -> unreachable()), orElse(() -> { }));
        });
    }

    // ---------------------------------------------------------------- buffered and closed channels

    @Test
    @DisplayName("CH-11 a send to a buffered channel with free space never blocks")
    void sendWithFreeBufferSpaceNeverBlocks() {
        assertNeverBlocks(() -> Chan.<Integer>make(1).send(7));
    }

    @Test
    @DisplayName("CH-09 a receive from a closed channel never blocks and yields (zero, false)")
    void receiveFromClosedChannelNeverBlocks() {
        Chan<Integer> closedch = Chan.make();
        closedch.close();
        assertNeverBlocks(() -> {
            for (int i = 0; i < 10; i++) {
                assertNull(closedch.recv(), "zero value from a closed channel");
                Received<Integer> r = closedch.recvOk();
                assertEquals(new Received<Integer>(null, false), r);
            }
        });
    }

    @Test
    @DisplayName("CH-06 a send on a closed channel panics: send on closed channel")
    void sendOnClosedChannelPanics() {
        GoProgram.runToExit(() -> {
            Chan<Integer> closedch = Chan.make();
            closedch.close();
            assertPanics("send on closed channel", () -> closedch.send(7));
        });
    }

    @Test
    @DisplayName("CH-10 a receive from a channel nobody sends on always blocks [chan receive]")
    void receiveFromNonReadyChannelBlocks() {
        assertAlwaysBlocks(WaitReason.CHAN_RECEIVE, () -> Chan.<Integer>make().recv());
    }

    // ---------------------------------------------------------------- selects that block

    @Test
    @DisplayName("SEL-05 an empty select blocks forever [select (no cases)]")
    void emptySelectBlocksForever() {
        assertAlwaysBlocks(WaitReason.SELECT_NO_CASES, () -> select());
    }

    @Test
    @DisplayName("SEL-05 a one-case select on a nil channel blocks like the plain operation")
    void oneCaseSelectOnNilChannelBlocks() {
        assertAlwaysBlocks(WaitReason.CHAN_RECEIVE_NIL,
                () -> select(recv(Chan.<Integer>nil(), v -> unreachable())));
        assertAlwaysBlocks(WaitReason.CHAN_SEND_NIL,
                () -> select(send(Chan.<Integer>nil(), 7, Select3Test::unreachable)));
    }

    @Test
    @DisplayName("SEL-04 SEL-05 a select whose cases are all nil channels blocks forever [select]")
    void selectOfOnlyNilChannelsBlocks() {
        assertAlwaysBlocks(WaitReason.SELECT, () -> select(
                recv(Chan.<Integer>nil(), v -> unreachable()),
                send(Chan.<Integer>nil(), 7, Select3Test::unreachable)));
    }

    @Test
    @DisplayName("SEL-05 a one-case select on a channel that is not ready blocks [chan receive]")
    void oneCaseSelectOnNonReadyChannelBlocks() {
        assertAlwaysBlocks(WaitReason.CHAN_RECEIVE, () -> select(recv(Chan.<Integer>make(), v -> unreachable())));
    }

    // ---------------------------------------------------------------- selects that do not block

    @Test
    @DisplayName("SEL-06 a select with only a default never blocks")
    void selectWithOnlyDefaultNeverBlocks() {
        assertNeverBlocks(() -> select(orElse(() -> { })));
    }

    @Test
    @DisplayName("SEL-04 SEL-06 a select of a nil case and default never blocks")
    void selectOfNilCaseAndDefaultNeverBlocks() {
        assertNeverBlocks(() -> select(recv(Chan.<Integer>nil(), v -> unreachable()), orElse(() -> { })));
        assertNeverBlocks(() -> select(send(Chan.<Integer>nil(), 7, Select3Test::unreachable), orElse(() -> { })));
    }

    @Test
    @DisplayName("SEL-06 a ready case is chosen over default")
    void readyCaseBeatsDefault() {
        assertNeverBlocks(() -> {
            Chan<Integer> ch = Chan.make(1);
            select(send(ch, 7), orElse(Select3Test::unreachable));
        });
        assertNeverBlocks(() -> {
            Chan<Integer> ch = Chan.make(1);
            ch.send(7);
            int[] got = {0};
            select(recv(ch, v -> got[0] = v), orElse(Select3Test::unreachable));
            assertEquals(7, got[0]);
        });
    }

    @Test
    @DisplayName("SEL-07 selects on a closed channel behave like the plain receive")
    void selectsOnClosedChannelNeverBlock() {
        Chan<Integer> closedch = Chan.make();
        closedch.close();
        assertNeverBlocks(() -> select(recv(closedch)));
        assertNeverBlocks(() -> select(recv(closedch, x -> assertNull(x))));
        assertNeverBlocks(() -> select(recvOk(closedch, (x, ok) -> {
            assertNull(x);
            assertFalse(ok);
        })));
    }

    @Test
    @DisplayName("CH-06 SEL-08 a select that sends on a closed channel panics: send on closed channel")
    void selectSendOnClosedChannelPanics() {
        GoProgram.runToExit(() -> {
            Chan<Integer> closedch = Chan.make();
            closedch.close();
            assertPanics("send on closed channel", () -> select(send(closedch, 7)));
            assertPanics("send on closed channel", () -> select(send(closedch, 7), recv(Chan.<Integer>make())));
        });
    }

    @Test
    @DisplayName("SEL-11 a select that sends and receives on the same unbuffered channel does not match itself")
    void selectDoesNotMatchItself() {
        assertAlwaysBlocks(WaitReason.SELECT, () -> {
            Chan<Integer> c = Chan.make();
            select(send(c, 1), recv(c));
        });
    }

    /** Go's {@code testPanic(always, f)}: f panics, and recover sees a runtime error with this message. */
    static void assertPanics(String message, Runnable f) {
        try {
            f.run();
        } catch (RuntimeError e) {
            assertEquals(message, e.value());
            return;
        } catch (Panic p) {
            fail("expected a runtime error, got panic(" + p.value() + ")");
        }
        fail("function did not panic");
    }
}
