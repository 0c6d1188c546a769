package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import loomlab.engine.events.FoldedState;
import loomlab.engine.events.StateFold;
import loomlab.engine.events.Traced;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;

/**
 * Folding the events of a run gives back the engine's own state: every goroutine's state and
 * wait reason, every channel's buffer, closed flag and waiters, every context's state.
 */
@Timeout(60)
class FoldTest {

    /** What a program leaves behind for the comparison, taken by main just before it returns. */
    private record EngineState(List<Chan.Snapshot> channels, List<ContextInfo> contexts) {
    }

    /** Programs that end with goroutines parked, buffers part full, waiters queued, contexts cancelled. */
    private static final Map<String, Consumer<List<Object>>> PROGRAMS = Map.of(
            "buffers", objects -> {
                Chan<Integer> a = Chan.make(4);
                Chan<String> b = Chan.make(2);
                Chan<Integer> closed = Chan.make(3);
                objects.addAll(List.of(a, b, closed));
                for (int i = 0; i < 6; i++) {
                    a.send(i);
                    if (i % 2 == 0) {
                        a.recv();
                    }
                }
                b.send("x");
                b.send("y");
                go(() -> b.send("z")); // parks holding "z"
                go(() -> b.send("w"));
                closed.send(1);
                closed.close();
                waitForWaiters(b, 2, true);
                b.recv(); // "x" leaves; "z" moves into the freed slot
            },
            "receivers", objects -> {
                Chan<Integer> ch = Chan.make();
                Chan<Integer> other = Chan.make();
                objects.addAll(List.of(ch, other));
                for (int i = 0; i < 3; i++) {
                    go(() -> ch.recv());
                }
                waitForWaiters(ch, 3, false); // the select queues last, so the send below serves a plain receiver
                go(() -> select(recv(ch), recv(other), send(other, 5)));
                waitForWaiters(ch, 4, false);
                ch.send(1); // the first receiver leaves
            },
            "contexts", objects -> {
                CancelContext root = Context.withCancel(Context.background());
                CancelContext child = Context.withTimeout(root, Duration.ofSeconds(5));
                Context value = Context.withValue(child, "k", "v");
                CancelContext other = Context.withCancel(value);
                CancelContext sibling = Context.withCancel(Context.background());
                objects.addAll(List.of(root, child, value, other, sibling));
                Chan<Void> done = Chan.make();
                objects.add(done);
                go(() -> {
                    other.done().recv();
                    done.close();
                });
                Time.sleep(Duration.ofSeconds(6)); // the timeout cancels child and below
                done.recv();
            });

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"buffers, REAL", "buffers, DETERMINISTIC", "receivers, REAL", "receivers, DETERMINISTIC",
                "contexts, DETERMINISTIC"})
    @DisplayName("the fold of a run's events equals the engine's final state")
    void foldEqualsEngineState(String name, RunMode mode) {
        List<Traced> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Object> objects = new ArrayList<>();
        EngineState[] engine = new EngineState[1];
        RunResult r = Runtime.builder().mode(mode).clock(ClockMode.VIRTUAL).seed(11).events(events::add)
                .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build().start(() -> {
                    PROGRAMS.get(name).accept(objects);
                    List<Chan.Snapshot> chans = new ArrayList<>();
                    List<ContextInfo> ctxs = new ArrayList<>();
                    for (Object o : objects) {
                        if (o instanceof Chan<?> c) {
                            chans.add(c.snapshot());
                        } else if (o instanceof Context c) {
                            ctxs.add(c.info());
                        }
                    }
                    engine[0] = new EngineState(chans, ctxs);
                });
        assertEquals(0, r.exitStatus(), r.report());
        FoldedState folded = StateFold.fold(events);

        for (Chan.Snapshot c : engine[0].channels()) {
            FoldedState.Channel f = folded.channels().get(c.id());
            assertEquals(c.cap(), f.cap(), "cap of chan " + c.id());
            assertEquals(c.buffered(), f.inReceiveOrder(), "buffer of chan " + c.id());
            assertEquals(c.closed(), f.closed(), "closed of chan " + c.id());
            assertEquals(c.senders(), f.sendq().stream().map(FoldedState.Waiter::g).toList(), "senders of " + c.id());
            assertEquals(c.receivers(), f.recvq().stream().map(FoldedState.Waiter::g).toList(), "receivers of " + c.id());
        }
        for (ContextInfo c : engine[0].contexts()) {
            FoldedState.Context f = folded.contexts().get(c.id());
            assertEquals(c.state() == ContextInfo.State.CANCELED, f.cancelled(), "context " + c.id());
            assertEquals(c.err(), f.err(), "err of context " + c.id());
        }
        Map<Long, String> leaked = new TreeMap<>();
        for (GoroutineInfo g : r.leaks()) {
            if (g.waitReason() != null) { // a runnable one may still finish before the run ends
                leaked.put(g.id(), g.waitReason().text());
            }
        }
        Map<Long, String> foldedBlocked = new TreeMap<>();
        folded.goroutines().forEach((id, g) -> {
            if (g.state() == FoldedState.State.WAITING) {
                foldedBlocked.put(id, g.waitReason());
            }
        });
        assertEquals(leaked, foldedBlocked, "goroutines parked when main returned, with their wait reasons");
    }

    private static void waitForWaiters(Chan<?> ch, int n, boolean senders) {
        ChanTest.waitUntilBlocked(ch, n, senders);
    }
}
