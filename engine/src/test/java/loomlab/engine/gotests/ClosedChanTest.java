package loomlab.engine.gotests;

import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.recvOk;
import static loomlab.engine.Select.select;
import static loomlab.engine.gotests.Select3Test.assertPanics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.Consumer;
import loomlab.engine.Chan;
import loomlab.engine.Received;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/closedchan.go}: the close semantics table, through three access paths
 * (the plain operators, single-case selects with or without default, and selects with an extra
 * case on a channel that is never ready). A closed channel yields {@code (zero, false)} forever,
 * without blocking, once its buffer is drained; the last buffered value comes first; a send on
 * it panics and leaves nothing behind; closing a nil or closed channel panics.
 */
@Timeout(60)
class ClosedChanTest {

    /** What {@code Nbrecv2} returns: the value, ok, and whether the receive case was selected. */
    record Nb(Integer value, boolean ok, boolean selected) {
    }

    /** One way of reaching a channel, as the original's {@code XChan}, {@code SChan} and {@code SSChan}. */
    enum Access {
        /** Direct channel operations. */
        OPERATOR {
            @Override
            void send(Chan<Integer> c, int x) {
                c.send(x);
            }

            @Override
            boolean nbsend(Chan<Integer> c, int x) {
                boolean[] sent = {false};
                select(Cases.send(c, x, () -> sent[0] = true), orElse(() -> sent[0] = false));
                return sent[0];
            }

            @Override
            Integer recv(Chan<Integer> c) {
                return c.recv();
            }

            @Override
            Received<Integer> recv2(Chan<Integer> c) {
                return c.recvOk();
            }

            @Override
            Nb nbrecv2(Chan<Integer> c) {
                Nb[] r = {null};
                select(recvOk(c, (x, ok) -> r[0] = new Nb(x, ok, true)), orElse(() -> r[0] = new Nb(null, false, false)));
                return r[0];
            }
        },
        /** Single-case selects; default comes first where there is one. */
        SELECT {
            @Override
            void send(Chan<Integer> c, int x) {
                select(Cases.send(c, x));
            }

            @Override
            boolean nbsend(Chan<Integer> c, int x) {
                boolean[] sent = {false};
                select(orElse(() -> sent[0] = false), Cases.send(c, x, () -> sent[0] = true));
                return sent[0];
            }

            @Override
            Integer recv(Chan<Integer> c) {
                Integer[] r = {-1};
                select(Cases.recv(c, x -> r[0] = x));
                return r[0];
            }

            @Override
            Received<Integer> recv2(Chan<Integer> c) {
                Received<?>[] r = {null};
                select(recvOk(c, (x, ok) -> r[0] = new Received<>(x, ok)));
                return cast(r[0]);
            }

            @Override
            Nb nbrecv2(Chan<Integer> c) {
                Nb[] r = {null};
                select(orElse(() -> r[0] = new Nb(null, false, false)), recvOk(c, (x, ok) -> r[0] = new Nb(x, ok, true)));
                return r[0];
            }
        },
        /** Selects with one more case, on a channel that is never ready. */
        MULTI_CASE_SELECT {
            @Override
            void send(Chan<Integer> c, int x) {
                select(Cases.send(c, x), Cases.recv(DUMMY));
            }

            @Override
            boolean nbsend(Chan<Integer> c, int x) {
                boolean[] sent = {false};
                select(orElse(() -> sent[0] = false), Cases.recv(DUMMY), Cases.send(c, x, () -> sent[0] = true));
                return sent[0];
            }

            @Override
            Integer recv(Chan<Integer> c) {
                Integer[] r = {-1};
                select(Cases.recv(DUMMY), Cases.recv(c, x -> r[0] = x));
                return r[0];
            }

            @Override
            Received<Integer> recv2(Chan<Integer> c) {
                Received<?>[] r = {null};
                select(Cases.recv(DUMMY), recvOk(c, (x, ok) -> r[0] = new Received<>(x, ok)));
                return cast(r[0]);
            }

            @Override
            Nb nbrecv2(Chan<Integer> c) {
                Nb[] r = {null};
                select(Cases.recv(DUMMY), orElse(() -> r[0] = new Nb(null, false, false)),
                        recvOk(c, (x, ok) -> r[0] = new Nb(x, ok, true)));
                return r[0];
            }
        };

        /** A channel nobody ever sends on or closes. */
        private static final Chan<Boolean> DUMMY = Chan.make();

        abstract void send(Chan<Integer> c, int x);

        abstract boolean nbsend(Chan<Integer> c, int x);

        abstract Integer recv(Chan<Integer> c);

        abstract Received<Integer> recv2(Chan<Integer> c);

        abstract Nb nbrecv2(Chan<Integer> c);

        /** {@code Nbrecv}: the value and whether it was selected. */
        Nb nbrecv(Chan<Integer> c) {
            Nb r = nbrecv2(c);
            return new Nb(r.value(), false, r.selected());
        }

        @SuppressWarnings("unchecked")
        private static Received<Integer> cast(Received<?> r) {
            return (Received<Integer>) r;
        }
    }

    /**
     * The select case factories, under a name that the access methods ({@code send}, {@code recv})
     * do not hide inside the enum.
     */
    private static final class Cases {
        static loomlab.engine.Select.Case send(Chan<Integer> c, int x) {
            return loomlab.engine.Select.send(c, x);
        }

        static loomlab.engine.Select.Case send(Chan<Integer> c, int x, Runnable body) {
            return loomlab.engine.Select.send(c, x, body);
        }

        static <T> loomlab.engine.Select.Case recv(Chan<T> c) {
            return loomlab.engine.Select.recv(c);
        }

        static loomlab.engine.Select.Case recv(Chan<Integer> c, Consumer<Integer> body) {
            return loomlab.engine.Select.recv(c, body);
        }
    }

    /** Go's {@code test1}: everything that must hold of a closed, drained channel. */
    private static void test1(Access a, Chan<Integer> c) {
        for (int i = 0; i < 3; i++) {
            assertNull(a.recv(c), "recv on closed " + a);
            assertEquals(new Received<Integer>(null, false), a.recv2(c), "recv2 on closed " + a);
            assertEquals(new Nb(null, false, true), a.nbrecv(c), "non-blocking recv on closed " + a);
            assertEquals(new Nb(null, false, true), a.nbrecv2(c), "non-blocking recv2 on closed " + a);
        }
        assertPanics("send on closed channel", () -> a.nbsend(c, 1));
        assertNull(a.recv(c), "the value of the non-blocking send was discarded " + a);
        assertPanics("send on closed channel", () -> a.send(c, 2));
        assertNull(a.recv(c), "the value of the send was discarded " + a);
    }

    private static Chan<Integer> closedSync() {
        Chan<Integer> c = Chan.make();
        c.close();
        return c;
    }

    private static Chan<Integer> closedAsync() {
        Chan<Integer> c = Chan.make(2);
        c.send(1);
        c.close();
        return c;
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    @DisplayName("CH-06 CH-09 SEL-07 a closed unbuffered channel yields (zero, false) forever and panics on send")
    void closedUnbufferedChannelYieldsZeroForeverAndPanicsOnSend(Access a) {
        GoProgram.runToExit(() -> test1(a, closedSync()));
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    @DisplayName("CH-09 the last buffered value of a closed channel comes first through recv")
    void closedBufferedChannelDeliversItsValueFirstThroughRecv(Access a) {
        GoProgram.runToExit(() -> {
            Chan<Integer> c = closedAsync();
            assertEquals(1, a.recv(c));
            test1(a, c);
        });
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    @DisplayName("CH-09 CH-15 the last buffered value of a closed channel comes first through recv2, with ok")
    void closedBufferedChannelDeliversItsValueFirstThroughRecv2(Access a) {
        GoProgram.runToExit(() -> {
            Chan<Integer> c = closedAsync();
            assertEquals(new Received<>(1, true), a.recv2(c));
            test1(a, c);
        });
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    @DisplayName("CH-09 CH-20 the last buffered value of a closed channel is selected by a non-blocking recv")
    void closedBufferedChannelDeliversItsValueFirstThroughNbrecv(Access a) {
        GoProgram.runToExit(() -> {
            Chan<Integer> c = closedAsync();
            assertEquals(new Nb(1, false, true), a.nbrecv(c));
            test1(a, c);
        });
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    @DisplayName("CH-09 CH-20 the last buffered value of a closed channel is selected by a non-blocking recv2, with ok")
    void closedBufferedChannelDeliversItsValueFirstThroughNbrecv2(Access a) {
        GoProgram.runToExit(() -> {
            Chan<Integer> c = closedAsync();
            assertEquals(new Nb(1, true, true), a.nbrecv2(c));
            test1(a, c);
        });
    }

    @Test
    @DisplayName("CH-04 closing a nil channel panics: close of nil channel")
    void closeOfNilChannelPanics() {
        GoProgram.runToExit(() -> assertPanics("close of nil channel", () -> Chan.nil().close()));
    }

    @Test
    @DisplayName("CH-05 closing a closed channel panics: close of closed channel")
    void closeOfClosedChannelPanics() {
        GoProgram.runToExit(() -> {
            Chan<Integer> ch = Chan.make();
            ch.close();
            assertPanics("close of closed channel", ch::close);
        });
    }
}
