package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static loomlab.engine.gotests.GoProgram.waitUntilBlocked;

import java.util.function.Consumer;
import java.util.stream.Stream;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.Runtime;
import loomlab.engine.WaitReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/select7.go}: a receive whose value is discarded works as a plain
 * operation, as a one-case select and as a two-case select, against a plain send, a one-case
 * select send and a two-case select send: all nine pairs. The original yields once
 * ({@code runtime.Gosched}) so the receiver is likely parked; here the sender waits until it is.
 */
@Timeout(60)
class Select7Test {

    enum Receiver {
        PLAIN(c -> c.recv(), WaitReason.CHAN_RECEIVE),
        ONE_CASE_SELECT(c -> select(recv(c)), WaitReason.CHAN_RECEIVE),
        TWO_CASE_SELECT(c -> select(recv(c), recv(Chan.<Integer>make())), WaitReason.SELECT);

        final Consumer<RecvChan<Integer>> recv;
        final WaitReason parksAs;

        Receiver(Consumer<RecvChan<Integer>> recv, WaitReason parksAs) {
            this.recv = recv;
            this.parksAs = parksAs;
        }
    }

    enum Sender {
        PLAIN(c -> c.send(1)),
        ONE_CASE_SELECT(c -> select(send(c, 1))),
        TWO_CASE_SELECT(c -> select(send(c, 1), send(Chan.<Integer>make(), 1)));

        final Consumer<Chan<Integer>> send;

        Sender(Consumer<Chan<Integer>> send) {
            this.send = send;
        }
    }

    static Stream<Arguments> pairs() {
        return Stream.of(Receiver.values())
                .flatMap(r -> Stream.of(Sender.values()).map(s -> Arguments.of(r, s)));
    }

    @ParameterizedTest(name = "{0} receiver, {1} sender")
    @MethodSource("pairs")
    @DisplayName("SEL-16 a receive that discards its value completes against every kind of send")
    void discardingReceiveCompletesAgainstEveryKindOfSend(Receiver receiver, Sender sender) {
        GoProgram.run(Runtime.builder(), rt -> () -> {
            Chan<Integer> c = Chan.make();
            Chan<Boolean> done = Chan.make();
            go(() -> {
                receiver.recv.accept(c);
                done.send(true);
            });
            waitUntilBlocked(rt, 2, receiver.parksAs);
            sender.send.accept(c);
            done.recv();
        }).assertExited();
    }
}
