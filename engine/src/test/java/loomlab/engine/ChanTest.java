package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChanTest {

    @Test
    @DisplayName("CH-01 make with a negative size panics 'makechan: size out of range', without 'runtime error:'")
    void makeWithNegativeSizePanics() {
        RuntimeError e = assertThrows(RuntimeError.class, () -> Chan.make(-1));
        assertEquals("makechan: size out of range", e.getMessage());
        assertEquals("makechan: size out of range", e.value());
    }

    @Test
    @DisplayName("CH-01 an unrecovered makechan panic prints 'panic: makechan: size out of range'")
    void makechanPanicEndsTheRun() {
        Programs.Ran ran = Programs.run(() -> Chan.make(-5));
        assertEquals(2, ran.exit());
        assertEquals("panic: makechan: size out of range", ran.result().reportLines().get(0));
    }

    @Test
    @DisplayName("CH-02 send on a nil channel blocks forever, shown as [chan send (nil chan)]")
    void sendOnNilChannelBlocksForever() {
        Programs.Ran ran = Programs.run(() -> Chan.<Integer>nil().send(1));
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals("goroutine 1 [chan send (nil chan)]:", ran.result().reportLines().get(2));
    }

    @Test
    @DisplayName("CH-03 receive on a nil channel, and ranging over it, block forever [chan receive (nil chan)]")
    void receiveOnNilChannelBlocksForever() {
        Programs.Ran ran = Programs.run(() -> {
            for (Integer ignored : Chan.<Integer>nil()) {
                println("never");
            }
        });
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals("goroutine 1 [chan receive (nil chan)]:", ran.result().reportLines().get(2));
        assertEquals("", ran.out());
    }

    @Test
    @DisplayName("CH-04 close of a nil channel panics 'close of nil channel'")
    void closeOfNilChannelPanics() {
        RuntimeError e = assertThrows(RuntimeError.class, () -> Chan.nil().close());
        assertEquals("close of nil channel", e.getMessage());
    }

    @Test
    @DisplayName("CH-05 a second close panics 'close of closed channel'")
    void secondClosePanics() {
        Chan<Integer> ch = Chan.make();
        ch.close();
        RuntimeError e = assertThrows(RuntimeError.class, ch::close);
        assertEquals("close of closed channel", e.getMessage());
    }

    @Test
    @DisplayName("CH-06 send on a closed channel panics and enqueues nothing")
    void sendOnClosedChannelPanicsAndEnqueuesNothing() {
        Chan<Integer> ch = Chan.make(1);
        ch.close();
        RuntimeError e = assertThrows(RuntimeError.class, () -> ch.send(7));
        assertEquals("send on closed channel", e.getMessage());
        assertEquals(new Received<Integer>(null, false), ch.recvOk());
        assertEquals(0, ch.len());
    }

    @Test
    @DisplayName("CH-07 a sender blocked when the channel is closed wakes and panics 'send on closed channel'")
    void blockedSenderPanicsOnClose() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make();
            Chan<String> result = Chan.make(1);
            go(() -> {
                try {
                    ch.send(1);
                    result.send("sent");
                } catch (RuntimeError e) {
                    result.send(e.getMessage());
                }
            });
            waitUntilBlocked(ch, 1, true);
            ch.close();
            println(result.recv());
        });
        assertEquals(0, ran.exit());
        assertEquals("send on closed channel\n", ran.out());
    }

    @Test
    @DisplayName("CH-08 every receiver blocked when the channel is closed wakes with (zero, false)")
    void closeWakesEveryReceiver() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make();
            Chan<Received<Integer>> results = Chan.make(10);
            for (int i = 0; i < 10; i++) {
                go(() -> results.send(ch.recvOk()));
            }
            waitUntilBlocked(ch, 10, false);
            ch.close();
            for (int i = 0; i < 10; i++) {
                Received<Integer> r = results.recv();
                if (r.ok() || r.value() != null) {
                    throw new AssertionError("woken receiver got " + r);
                }
            }
            println("all woken");
        });
        assertEquals("all woken\n", ran.out());
    }

    @Test
    @DisplayName("CH-09 values buffered before close are delivered in order, then (zero, false) forever")
    void bufferedValuesSurviveClose() {
        Chan<Integer> ch = Chan.make(3);
        ch.send(1);
        ch.send(2);
        ch.close();
        assertEquals(new Received<>(1, true), ch.recvOk());
        assertEquals(new Received<>(2, true), ch.recvOk());
        for (int i = 0; i < 3; i++) {
            assertEquals(new Received<Integer>(null, false), ch.recvOk());
        }
        assertNull(ch.recv());
    }

    @Test
    @DisplayName("CH-10 an unbuffered send completes only when a receiver takes the value")
    void unbufferedSendIsARendezvous() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make();
            AtomicInteger phase = new AtomicInteger();
            go(() -> {
                ch.send(42);
                phase.set(2);
            });
            waitUntilBlocked(ch, 1, true);
            // The sender is parked: its send has not completed.
            if (phase.get() != 0) {
                throw new AssertionError("send completed without a receiver");
            }
            println(ch.recv());
        });
        assertEquals("42\n", ran.out());
    }

    @Test
    @DisplayName("CH-11 a buffered send with room never blocks; with a full buffer it does")
    void bufferedSendBlocksOnlyWhenFull() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make(2);
            ch.send(1);
            ch.send(2);
            println(ch.len(), ch.cap());
            ch.send(3);
        });
        assertEquals("2 2\n", ran.out());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals("goroutine 1 [chan send]:", ran.result().reportLines().get(2));
    }

    @Test
    @DisplayName("CH-12 FIFO: buffered values, and a parked sender's value goes to the tail")
    void fifoOrderHoldsWithParkedSenders() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make(2);
            ch.send(1);
            ch.send(2);
            go(() -> ch.send(3));
            waitUntilBlocked(ch, 1, true);
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(ch.recv());
            }
            println(got);
        });
        assertEquals("[1, 2, 3]\n", ran.out());
    }

    @Test
    @DisplayName("CH-12 blocked receivers are served in arrival order")
    void receiversAreServedInArrivalOrder() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make();
            Chan<String> order = Chan.make(3);
            List<String> names = List.of("a", "b", "c");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                go(() -> order.send(name + ch.recv()));
                waitUntilBlocked(ch, i + 1, false);
            }
            ch.send(1);
            ch.send(2);
            ch.send(3);
            // Who got which value is FIFO; the order in which they report it is not.
            println(new java.util.TreeSet<>(List.of(order.recv(), order.recv(), order.recv())));
        });
        assertEquals("[a1, b2, c3]\n", ran.out());
    }

    @Test
    @DisplayName("CH-13 len and cap: nil is 0/0; unbuffered reports 0/0 even with parked senders")
    void lenAndCap() {
        assertEquals(0, Chan.nil().len());
        assertEquals(0, Chan.nil().cap());
        Programs.Ran ran = Programs.run(() -> {
            Chan<Integer> ch = Chan.make();
            go(() -> ch.send(1));
            waitUntilBlocked(ch, 1, true);
            println(ch.len(), ch.cap());
            ch.recv();
            Chan<Integer> b = Chan.make(5);
            b.send(1);
            println(b.len(), b.cap());
        });
        assertEquals("0 0\n1 5\n", ran.out());
    }

    @Test
    @DisplayName("CH-15 ok is true for every sent value, including a sent zero value (null)")
    void okIsTrueForSentNull() {
        Chan<Integer> ch = Chan.make(1);
        ch.send(null);
        assertEquals(new Received<Integer>(null, true), ch.recvOk());
    }

    @Test
    @DisplayName("CH-17 range ends after close and after the buffer is drained, never yielding the zero value")
    void rangeEndsAfterCloseAndDrain() {
        Chan<Integer> ch = Chan.make(3);
        ch.send(1);
        ch.send(2);
        ch.close();
        List<Integer> got = new ArrayList<>();
        for (Integer v : ch) {
            got.add(v);
        }
        assertEquals(List.of(1, 2), got);
    }

    @Test
    @DisplayName("CH-18 channels of a zero-size type (Void) behave like any other")
    void zeroSizeElements() {
        Programs.Ran ran = Programs.run(() -> {
            Chan<Void> done = Chan.make();
            go(() -> done.send(null));
            Received<Void> r = done.recvOk();
            println(r.ok());
        });
        assertEquals("true\n", ran.out());
    }

    @Test
    @DisplayName("direction views are the same channel")
    void directionViews() {
        Chan<String> ch = Chan.make(1);
        SendChan<String> out = ch.sendOnly();
        RecvChan<String> in = ch.recvOnly();
        out.send("x");
        assertEquals("x", in.recv());
        out.close();
        assertFalse(in.recvOk().ok());
        assertTrue(ch.toString().startsWith("chan#"));
    }

    /**
     * Waits, without sleeping a fixed time, until {@code n} goroutines are parked on {@code ch}:
     * yields until the channel's queue says so. Only for tests in this package.
     */
    static void waitUntilBlocked(Chan<?> ch, int n, boolean senders) {
        for (;;) {
            ch.lock.lock();
            int queued = senders ? ch.sendq.size() : ch.recvq.size();
            ch.lock.unlock();
            if (queued >= n) {
                return;
            }
            Go.yield();
        }
    }

    @Test
    @DisplayName("a channel made with a name carries it into its ChanMake event and its toString")
    void namedChannel() {
        List<loomlab.engine.events.Event> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Runtime.builder().mode(RunMode.DETERMINISTIC).seed(1).events(t -> events.add(t.event()))
                .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build().start(() -> {
                    Chan<Integer> jobs = Chan.make("jobs", 4);
                    Chan<Integer> done = Chan.make("done");
                    Chan<Integer> plain = Chan.make(1);
                    names.addAll(List.of(jobs.toString(), done.toString(), plain.toString().replaceAll("#\\d+", "#N")));
                });
        List<loomlab.engine.events.Event.ChanMake> made = events.stream()
                .filter(e -> e instanceof loomlab.engine.events.Event.ChanMake)
                .map(e -> (loomlab.engine.events.Event.ChanMake) e).toList();
        assertEquals(List.of("jobs", "done", ""), made.stream().map(loomlab.engine.events.Event.ChanMake::name).toList());
        assertEquals(List.of(4, 0, 1), made.stream().map(loomlab.engine.events.Event.ChanMake::cap).toList());
        assertEquals(List.of("jobs(cap 4)", "done(cap 0)", "chan#N(cap 1)"), names);
    }

    private static void sendFromAHelper(Chan<Integer> ch) {
        ch.send(1);
    }

    @Test
    @DisplayName("a traced deterministic run records the learner's stack, innermost frame first")
    void eventsCarryTheLearnersStack() {
        List<loomlab.engine.events.Traced> events = new ArrayList<>();
        Runtime.builder().mode(RunMode.DETERMINISTIC).seed(1).events(events::add)
                .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build().start(() -> {
                    Chan<Integer> ch = Chan.make(1);
                    sendFromAHelper(ch);
                });
        loomlab.engine.events.Traced send = events.stream()
                .filter(t -> t.event() instanceof loomlab.engine.events.Event.ChanSend).findFirst().orElseThrow();
        assertTrue(send.line().matches("ChanTest\\.java:\\d+ ← ChanTest\\.java:\\d+"), send.line());
        assertEquals(send.line().substring(0, send.line().indexOf(" ← ")), send.top());
        int helper = Integer.parseInt(send.top().substring("ChanTest.java:".length()));
        int caller = Integer.parseInt(send.line().substring(send.line().lastIndexOf(':') + 1));
        assertTrue(helper < caller, "the helper's line (above in this file) comes first: " + send.line());
    }
}
