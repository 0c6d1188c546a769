package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.panic;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.gotests.GoProgram.waitUntilBlocked;

import loomlab.engine.Chan;
import loomlab.engine.Runtime;
import loomlab.engine.WaitReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/select6.go} (issue 2075): a select that loses on {@code c1}
 * must take its waiter off {@code c1}'s queue without corrupting it, even when another receiver
 * is queued there before it. If it corrupted the queue, a later waiter on {@code c1} would never
 * be woken and the run would deadlock. The deterministic variant waits, where the original
 * merely hopes, until the plain receiver and then the select are queued on {@code c1}.
 */
@Timeout(60)
class Select6Test {

    private static Runnable issue2075(Runtime rt, boolean ordered) {
        return () -> {
            Chan<Boolean> c1 = Chan.make();
            Chan<Boolean> c2 = Chan.make();
            Chan<Boolean> c3 = Chan.make();
            go(() -> c1.recv());
            if (ordered) {
                waitUntilBlocked(rt, 2, WaitReason.CHAN_RECEIVE);
            }
            go(() -> {
                select(
                        recv(c1, () -> {
                            throw panic("dummy");
                        }),
                        recv(c2, () -> c3.send(true)));
                c1.recv();
            });
            if (ordered) {
                waitUntilBlocked(rt, 3, WaitReason.SELECT);
            }
            go(() -> c2.send(true));
            c3.recv();
            c1.send(true);
            c1.send(true);
        };
    }

    @Test
    @DisplayName("SEL-09 SEL-14 a select queued behind a receiver leaves the queue intact when another case wins")
    void losingSelectLeavesTheQueueOfAnotherChannelIntact() {
        GoProgram.run(Runtime.builder(), rt -> issue2075(rt, true)).assertExited();
    }

    @RepeatedTest(200)
    @DisplayName("SEL-14 issue 2075 as the original runs it, without ordering")
    void issue2075AsTheOriginalRunsIt() {
        GoProgram.run(Runtime.builder(), rt -> issue2075(rt, false)).assertExited();
    }
}
