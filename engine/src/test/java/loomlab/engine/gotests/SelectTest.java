package loomlab.engine.gotests;

import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import loomlab.engine.Chan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/select.go}: a select with default sends on two buffered channels,
 * disabling each case (setting its channel to nil) once it has fired. It checks how many sends
 * succeed, which values arrive, and that every send value is evaluated on every pass, even for
 * nil channels and when default is taken (10 evaluations in all).
 */
@Timeout(60)
class SelectTest {
    private int counter;
    private int shift;

    private int getValue() {
        counter++;
        return 1 << shift;
    }

    /** Sends until neither channel can take a value; returns the number of sends. */
    private int sendAll(Chan<Integer> a, Chan<Integer> b) {
        Chan<?>[] ch = {a, b};
        int[] i = {0};
        boolean[] done = {false};
        while (!done[0]) {
            @SuppressWarnings("unchecked")
            Chan<Integer> ca = (Chan<Integer>) ch[0];
            @SuppressWarnings("unchecked")
            Chan<Integer> cb = (Chan<Integer>) ch[1];
            select(
                    send(ca, getValue(), () -> {
                        i[0]++;
                        ch[0] = Chan.nil();
                    }),
                    send(cb, getValue(), () -> {
                        i[0]++;
                        ch[1] = Chan.nil();
                    }),
                    orElse(() -> done[0] = true));
            if (!done[0]) {
                shift++;
            }
        }
        return i[0];
    }

    @Test
    @DisplayName("SEL-01 SEL-04 SEL-06 select with default sends once per free channel and evaluates every send value")
    void selectSendsOncePerFreeChannelAndEvaluatesEverySendValue() {
        GoProgram.runToExit(() -> {
            // given
            Chan<Integer> a = Chan.make(1);
            Chan<Integer> b = Chan.make(1);

            // when / then
            assertEquals(2, sendAll(a, b), "sends to two empty channels of capacity 1");
            int av = a.recv();
            int bv = b.recv();
            assertEquals(3, av | bv, "values " + av + " and " + bv);
            assertEquals(1, sendAll(a, Chan.nil()), "sends to one empty channel and nil");
            assertEquals(10, counter, "evaluations of the send values");
        });
    }
}
