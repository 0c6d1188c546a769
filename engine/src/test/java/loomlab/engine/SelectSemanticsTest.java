package loomlab.engine;

import static loomlab.engine.ChanTest.waitUntilBlocked;
import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.recvOk;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SelectSemanticsTest {

    @Test
    @DisplayName("SEL-01 send values are evaluated once, in source order, whichever case wins")
    void sendValuesAreEvaluatedInSourceOrder() {
        List<String> evaluated = new ArrayList<>();
        Chan<String> a = Chan.make(1);
        Chan<String> b = Chan.make();
        select(send(b, eval(evaluated, "b")), send(a, eval(evaluated, "a")));
        assertEquals(List.of("b", "a"), evaluated);
        assertEquals("a", a.recv());
    }

    private static String eval(List<String> log, String v) {
        log.add(v);
        return v;
    }

    @Test
    @DisplayName("SEL-03 with several ready cases the choice is uniform")
    void choiceAmongReadyCasesIsUniform() {
        Chan<Integer> a = Chan.make(1);
        Chan<Integer> b = Chan.make(1);
        int[] wins = new int[2];
        int trials = 20_000;
        for (int i = 0; i < trials; i++) {
            a.send(0);
            b.send(1);
            select(recv(a, v -> wins[0]++), recv(b, v -> wins[1]++));
            select(recv(a), recv(b)); // drain the other one
        }
        // 10 sigma of a fair coin over 20,000 trials is about 707.
        assertEquals(trials, wins[0] + wins[1]);
        assertTrue(Math.abs(wins[0] - trials / 2) < 707, () -> "wins " + wins[0] + "/" + wins[1]);
    }

    @Test
    @DisplayName("SEL-04 cases on nil channels never fire")
    void nilCasesNeverFire() {
        Chan<Integer> ready = Chan.make(1);
        for (int i = 0; i < 100; i++) {
            ready.send(i);
            int[] got = {-1};
            select(recv(Chan.<Integer>nil(), v -> got[0] = 1000), recv(ready, v -> got[0] = v),
                    send(Chan.nil(), 5, () -> got[0] = 2000));
            assertEquals(i, got[0]);
        }
    }

    @Test
    @DisplayName("SEL-05 select {} blocks forever with wait reason 'select (no cases)'")
    void emptySelectBlocksForever() {
        Programs.Ran ran = Programs.run(Select::select);
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals("goroutine 1 [select (no cases)]:", ran.result().reportLines().get(2));
    }

    @Test
    @DisplayName("SEL-05 a select of only nil cases blocks with 'select'; a one-case select is the plain op")
    void nilOnlySelectBlocks() {
        Programs.Ran two = Programs.run(() -> select(recv(Chan.nil()), send(Chan.nil(), 1)));
        assertEquals("goroutine 1 [select]:", two.result().reportLines().get(2));
        Programs.Ran one = Programs.run(() -> select(recv(Chan.nil())));
        assertEquals("goroutine 1 [chan receive (nil chan)]:", one.result().reportLines().get(2));
    }

    @Test
    @DisplayName("SEL-06 default runs when nothing is ready, and never when a case is ready")
    void defaultOnlyWhenNothingIsReady() {
        Chan<Integer> ch = Chan.make(1);
        String[] ran = {""};
        select(recv(ch, v -> ran[0] = "recv"), orElse(() -> ran[0] = "default"));
        assertEquals("default", ran[0]);
        for (int i = 0; i < 1000; i++) {
            ch.send(i);
            select(recv(ch, v -> ran[0] = "recv"), orElse(() -> ran[0] = "default"));
            assertEquals("recv", ran[0]);
        }
    }

    @Test
    @DisplayName("SEL-07 a receive case on a closed channel is always ready and yields (zero, false)")
    void closedReceiveCaseIsReady() {
        Chan<Integer> ch = Chan.make();
        ch.close();
        Object[] got = new Object[2];
        select(recvOk(ch, (v, ok) -> {
            got[0] = v;
            got[1] = ok;
        }), orElse(() -> got[1] = "default"));
        assertEquals(null, got[0]);
        assertEquals(false, got[1]);
    }

    @Test
    @DisplayName("SEL-08 a send case on a closed channel panics 'send on closed channel'")
    void sendCaseOnClosedChannelPanics() {
        Chan<Integer> ch = Chan.make(1);
        ch.close();
        RuntimeError e = assertThrows(RuntimeError.class,
                () -> select(send(ch, 1), recv(Chan.nil()), orElse(() -> { })));
        assertEquals("send on closed channel", e.getMessage());
    }

    @Test
    @DisplayName("SEL-08 a select blocked on a send case panics when that channel is closed")
    void blockedSendCasePanicsOnClose() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make();
            Chan<String> result = Chan.make(1);
            go(() -> {
                try {
                    select(send(ch, 1), recv(Chan.nil()));
                    result.send("sent");
                } catch (RuntimeError e) {
                    result.send(e.getMessage());
                }
            });
            waitUntilBlocked(ch, 1, true);
            ch.close();
            println(result.recv());
        });
        assertEquals("send on closed channel\n", ran.out());
    }

    @Test
    @DisplayName("SEL-09 a blocked select completes exactly one case and leaves no waiter behind")
    void blockedSelectCompletesOneCaseAndCleansUp() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> a = Chan.make();
            Chan<Integer> b = Chan.make();
            Chan<String> result = Chan.make(1);
            go(() -> select(recv(a, v -> result.send("a" + v)), recv(b, v -> result.send("b" + v))));
            waitUntilBlocked(b, 1, false);
            b.send(2);
            println(result.recv());
            a.lock.lock();
            int left = a.recvq.size();
            a.lock.unlock();
            println("waiters left on a:", left);
        });
        assertEquals("b2\nwaiters left on a: 0\n", ran.out());
    }

    @Test
    @DisplayName("SEL-11 a select may send and receive on the same unbuffered channel without matching itself")
    void selfSelectDoesNotMatchItself() {
        Programs.Ran ran = Programs.run(() -> select(send(Chan.make(), 1), recv(Chan.make())));
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        Chan<Integer> same = Chan.make();
        Programs.Ran self = Programs.run(() -> select(send(same, 1), recv(same)));
        assertInstanceOf(Outcome.Deadlocked.class, self.result().outcome());
        assertEquals("goroutine 1 [select]:", self.result().reportLines().get(2));
    }

    @Test
    @DisplayName("SEL-11 two goroutines doing a send+receive select on one channel pair up")
    void twoSelfSelectsPairUp() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> c = Chan.make();
            Chan<String> done = Chan.make(2);
            for (int id = 0; id < 2; id++) {
                int me = id;
                go(() -> {
                    for (int i = 0; i < 1000; i++) {
                        select(send(c, me), recv(c, v -> {
                            if (v == me) {
                                throw new AssertionError("self receive");
                            }
                        }));
                    }
                    done.send("ok");
                });
            }
            println(done.recv(), done.recv());
        });
        assertEquals(0, ran.exit(), ran.err());
        assertEquals("ok ok\n", ran.out());
    }

    @Test
    @DisplayName("SEL-12 the same channel may appear in several cases")
    void duplicateChannelCases() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> c = Chan.make();
            go(() -> c.send(9));
            int[] which = {-1};
            select(recv(c, v -> which[0] = 0), recv(c, v -> which[0] = 1));
            println(which[0] >= 0);
        });
        assertEquals("true\n", ran.out());
    }

    @Test
    @DisplayName("bad input: a null channel or body names the argument; two defaults are rejected")
    void badInputIsNamed() {
        NullPointerException npe = assertThrows(NullPointerException.class, () -> recv(null, v -> { }));
        assertTrue(npe.getMessage().contains("Chan.nil()"));
        assertThrows(NullPointerException.class, () -> send(Chan.make(), 1, null));
        IllegalArgumentException iae = assertThrows(IllegalArgumentException.class,
                () -> select(orElse(() -> { }), orElse(() -> { })));
        assertEquals("multiple defaults in select", iae.getMessage());
    }
}
