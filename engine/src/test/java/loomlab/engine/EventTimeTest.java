package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The times of events on the real clock: the events of one traced channel operation share one
 * reading of the clock (ADR 0006), and nothing outside the operation borrows it.
 */
@Timeout(60)
class EventTimeTest {

    private static final long BUSY_NANOS = 5_000_000;

    @Test
    @DisplayName("a send that hands its value to a parked receiver records its four events at one time")
    void oneOperationOneTime() {
        // One P, so that no other M records events meanwhile: times stay in sequence order, and an
        // M's later reading would lift the operation's time for the events after it.
        List<Traced> events = Programs.traced(1, () -> {
            Chan<Integer> ch = Chan.make("ch", 0);
            go(() -> ch.recv());
            while (ch.snapshot().receivers().isEmpty()) {
                Go.yield();
            }
            ch.send(42);
        });
        Traced send = events.stream().filter(t -> t.event() instanceof Event.ChanSend s && s.to() == 2)
                .findFirst().orElseThrow();
        List<Traced> sameOp = events.stream().filter(t -> t.seq() >= send.seq() - 1 && t.seq() <= send.seq() + 2)
                .toList();
        assertTrue(sameOp.get(0).event() instanceof Event.WaiterDequeue, sameOp.toString());
        assertTrue(sameOp.get(2).event() instanceof Event.GoUnblock, sameOp.toString());
        assertTrue(sameOp.get(3).event() instanceof Event.RunqPush, sameOp.toString());
        assertTrue(sameOp.stream().allMatch(t -> t.g() == 1 && t.nanos() == send.nanos()), sameOp.toString());
    }

    @Test
    @DisplayName("the learner's code between operations, and in a select's case body, gets its own times")
    void noEventBorrowsAnOldTime() {
        List<Traced> events = Programs.traced(2, () -> {
            Chan<Integer> ch = Chan.make("ch", 1);
            ch.send(1);
            busy();
            Go.println("after the send");
            select(recv(ch, v -> {
                busy();
                Go.println("in the case body");
            }), recv(Chan.<Integer>make("never", 0), v -> { }));
            busy();
            CancelContext c = Context.withCancel(Context.background());
            c.cancel();
        });
        long sent = first(events, Event.ChanSend.class).nanos();
        List<Traced> outputs = events.stream().filter(t -> t.event() instanceof Event.Output).toList();
        long chosen = first(events, Event.SelectChosen.class).nanos();
        long canceled = first(events, Event.CtxCancel.class).nanos();
        assertTrue(outputs.get(0).nanos() - sent >= BUSY_NANOS, "printed " + (outputs.get(0).nanos() - sent) + " ns after the send");
        assertTrue(outputs.get(1).nanos() - chosen >= BUSY_NANOS, "printed " + (outputs.get(1).nanos() - chosen) + " ns after the case was chosen");
        assertTrue(canceled - outputs.get(1).nanos() >= BUSY_NANOS);
    }

    @Test
    @DisplayName("a receive that parks records its wake-up at the time it wakes, not when it parked")
    void aParkStartsANewTime() {
        List<Traced> events = Programs.traced(2, () -> {
            Chan<Integer> ch = Chan.make("ch", 0);
            go(() -> {
                // With two Ps this goroutine may start before main parks: its busy spell must begin
                // after the park, or the park's time would fall inside it. The snapshot takes the
                // channel's lock, so it sees the receiver only after the GoBlock read the clock.
                while (ch.snapshot().receivers().isEmpty()) {
                    Go.yield();
                }
                busy();
                ch.send(1);
            });
            ch.recv();
        });
        Traced block = events.stream().filter(t -> t.event() instanceof Event.GoBlock b && b.g() == 1).findFirst().orElseThrow();
        Traced start = events.stream().filter(t -> t.seq() > block.seq() && t.event() instanceof Event.GoStart s && s.g() == 1)
                .findFirst().orElseThrow();
        assertTrue(start.nanos() - block.nanos() >= BUSY_NANOS, (start.nanos() - block.nanos()) + " ns parked");
    }

    private static Traced first(List<Traced> events, Class<? extends Event> kind) {
        return events.stream().filter(t -> kind.isInstance(t.event())).findFirst().orElseThrow();
    }

    /** Spins on the clock: the point is that time passes outside the engine, not any ordering. */
    private static void busy() {
        long until = System.nanoTime() + BUSY_NANOS;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
