package loomlab.engine;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.orElse;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ContextTest {
    private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    // ---------------------------------------------------------------- CTX-01, CTX-02

    @Test
    @DisplayName("CTX-01 Background and TODO: nil done channel, nil err, no deadline, no values, Go's names")
    void backgroundAndTodoAreEmpty() {
        for (Context root : List.of(Context.background(), Context.todo())) {
            assertSame(Chan.nil(), root.done());
            assertNull(root.err());
            assertEquals(Optional.empty(), root.deadline());
            assertNull(root.value("any"));
            assertNull(Context.cause(root));
            assertNull(root.parent());
            assertFalse(isClosed(root.done()));
        }
        assertEquals("context.Background", Context.background().toString());
        assertEquals("context.TODO", Context.todo().toString());
        assertEquals(ContextKind.BACKGROUND, Context.background().kind());
        assertEquals(ContextInfo.State.UNCANCELABLE, Context.todo().info().state());
    }

    @Test
    @DisplayName("CTX-01 a select case on Background's done channel never fires")
    void selectOnBackgroundDoneNeverFires() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            select(recv(Context.background().done(), () -> println("done fired")),
                    recv(Time.after(Duration.ofSeconds(1)), () -> println("timer fired at", Time.format(Time.since(start)))));
        });
        assertEquals("timer fired at 1s\n", ran.out());
    }

    @Test
    @DisplayName("CTX-02 Canceled is 'context canceled'; DeadlineExceeded is 'context deadline exceeded', Timeout and Temporary")
    void errorTexts() {
        assertEquals("context canceled", Context.CANCELED.getMessage());
        assertEquals("context canceled", Context.CANCELED.toString());
        assertFalse(Context.CANCELED.timeout());
        assertEquals("context deadline exceeded", Context.DEADLINE_EXCEEDED.getMessage());
        assertEquals("context deadline exceeded", Context.DEADLINE_EXCEEDED.toString());
        assertTrue(Context.DEADLINE_EXCEEDED.timeout());
        assertTrue(Context.DEADLINE_EXCEEDED.temporary());
    }

    // ---------------------------------------------------------------- CTX-03

    @Test
    @DisplayName("CTX-03 every With… factory panics 'cannot create context from nil parent' on a nil parent")
    void nilParentPanics() {
        List<Function<Context, Context>> factories = List.of(
                Context::withCancel,
                Context::withCancelCause,
                p -> Context.withDeadline(p, EPOCH),
                p -> Context.withTimeout(p, Duration.ofSeconds(1)),
                p -> Context.withValue(p, "k", "v"),
                Context::withoutCancel);
        for (Function<Context, Context> f : factories) {
            Panic p = assertThrows(Panic.class, () -> f.apply(null));
            assertEquals("cannot create context from nil parent", p.value());
        }
    }

    @Test
    @DisplayName("CTX-03 WithValue with a nil key panics 'nil key'; unrecovered, the run prints 'panic: nil key'")
    void nilKeyPanics() {
        Panic p = assertThrows(Panic.class, () -> Context.withValue(Context.background(), null, "v"));
        assertEquals("nil key", p.value());
        Programs.Ran ran = Programs.run(() -> Context.withValue(Context.background(), null, "v"));
        assertEquals(2, ran.exit());
        assertEquals("panic: nil key", ran.result().reportLines().get(0));
    }

    // ---------------------------------------------------------------- CTX-04, CTX-05, CTX-06

    @Test
    @DisplayName("CTX-04 cancel is idempotent: the first sets Canceled, closes done, cancels children, leaves the parent's children")
    void cancelIsIdempotent() {
        CancelContext parent = Context.withCancel(Context.background());
        CancelContext ctx = Context.withCancel(parent);
        CancelContext child = Context.withCancel(ctx);
        assertEquals(List.of(ctx), parent.children());
        assertEquals(List.of(child), ctx.children());
        assertNull(ctx.err());
        assertFalse(isClosed(ctx.done()));

        ctx.cancel();
        ctx.cancel();

        assertSame(Context.CANCELED, ctx.err());
        assertTrue(isClosed(ctx.done()));
        assertSame(Context.CANCELED, child.err());
        assertEquals(List.of(), parent.children());
        assertEquals(List.of(), ctx.children());
        assertNull(parent.err());
        assertEquals(ContextInfo.State.CANCELED, ctx.info().state());
    }

    @Test
    @DisplayName("CTX-05 canceling a parent cancels every descendant with the parent's err and cause; a child never cancels its parent")
    void cancellationFlowsDownOnly() {
        CancelCauseContext root = Context.withCancelCause(Context.background());
        CancelContext a = Context.withCancel(root);
        Context value = Context.withValue(a, "k", "v");
        CancelContext b = Context.withCancel(value);
        CancelContext sibling = Context.withCancel(root);

        sibling.cancel();
        assertNull(root.err());
        assertNull(a.err());

        Exception why = new Exception("shutting down");
        root.cancel(why);
        for (Context c : List.of(a, value, b)) {
            assertSame(Context.CANCELED, c.err());
            assertSame(why, Context.cause(c));
            assertTrue(isClosed(c.done()));
        }
    }

    @Test
    @DisplayName("CTX-05 article 3.1: canceling wakes every worker waiting on ctx.done()")
    void cancelWakesEveryWorker() {
        Programs.Ran ran = Programs.run(() -> {
            CancelContext ctx = Context.withCancel(Context.background());
            Chan<String> exited = Chan.make();
            for (String name : List.of("worker1", "worker2")) {
                go(() -> {
                    ctx.done().recv();
                    exited.send(name + " exit: " + ctx.err());
                });
            }
            ctx.cancel();
            List<String> lines = List.of(exited.recv(), exited.recv());
            println(lines.stream().sorted().toList());
        });
        assertEquals("[worker1 exit: context canceled, worker2 exit: context canceled]\n", ran.out());
    }

    @Test
    @DisplayName("CTX-06 deriving from a canceled parent gives a context canceled at once, with the parent's err and cause")
    void childOfCanceledParentStartsCanceled() {
        CancelCauseContext parent = Context.withCancelCause(Context.background());
        Exception why = new Exception("gone");
        parent.cancel(why);
        for (Context child : List.of(Context.withCancel(parent), Context.withCancelCause(parent),
                Context.withValue(parent, "k", "v"))) {
            assertSame(Context.CANCELED, child.err());
            assertSame(why, Context.cause(child));
            assertTrue(isClosed(child.done()));
        }
        assertEquals(List.of(), parent.children());
    }

    // ---------------------------------------------------------------- CTX-07, CTX-08, SYN-08

    @Test
    @DisplayName("CTX-07 a deadline later than the parent's is WithCancel: Deadline reports the parent's earlier one")
    void parentsEarlierDeadlineWins() {
        Programs.Ran ran = virtual(() -> {
            CancelContext parent = Context.withTimeout(Context.background(), Duration.ofSeconds(2));
            CancelContext later = Context.withTimeout(parent, Duration.ofSeconds(10));
            CancelContext sooner = Context.withTimeout(parent, Duration.ofSeconds(1));
            println(later.deadline().orElseThrow(), later.kind(), later.toString().endsWith(".WithCancel"));
            println(sooner.deadline().orElseThrow(), sooner.kind());
            Instant start = Time.now();
            later.done().recv();
            println(later.err(), "at", Time.format(Time.since(start)));
            parent.cancel();
        });
        assertEquals("""
                2000-01-01T00:00:02Z CANCEL true
                2000-01-01T00:00:01Z DEADLINE
                context deadline exceeded at 2s
                """, ran.out());
    }

    @Test
    @DisplayName("CTX-07 a deadline already passed starts canceled with DeadlineExceeded, and sets no timer")
    void pastDeadlineStartsCanceled() {
        Programs.Ran ran = virtual(() -> {
            Time.sleep(Duration.ofSeconds(1));
            CancelContext past = Context.withDeadline(Context.background(), EPOCH);
            CancelContext now = Context.withTimeout(Context.background(), Duration.ZERO);
            println(past.err(), now.err(), isClosed(past.done()), timers().pending());
        });
        assertEquals("context deadline exceeded context deadline exceeded true 0\n", ran.out());
    }

    @Test
    @DisplayName("CTX-08 withTimeout(3s): <-ctx.done() returns at exactly 3s of virtual time with DeadlineExceeded")
    void timeoutFiresAtExactlyItsDeadline() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(3));
            ctx.done().recv();
            println(ctx.err(), "after", Time.format(Time.since(start)));
            ctx.cancel();
            println(ctx.err(), Context.cause(ctx));
        });
        assertEquals("context deadline exceeded after 3s\ncontext deadline exceeded context deadline exceeded\n",
                ran.out());
        assertEquals(0, ran.exit());
    }

    @Test
    @DisplayName("CTX-08 cancel before the deadline gives Canceled and stops the timer")
    void cancelBeforeDeadlineStopsTimer() {
        Programs.Ran ran = virtual(() -> {
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(3));
            println("pending", timers().pending());
            Time.sleep(Duration.ofSeconds(1));
            ctx.cancel();
            println(ctx.err(), "pending", timers().pending());
            Time.sleep(Duration.ofSeconds(5));
            println(ctx.err());
        });
        assertEquals("pending 1\ncontext canceled pending 0\ncontext canceled\n", ran.out());
    }

    @Test
    @DisplayName("CTX-08 a parent's cancel stops the timers of its deadline descendants")
    void parentCancelStopsChildTimers() {
        Programs.Ran ran = virtual(() -> {
            CancelContext parent = Context.withCancel(Context.background());
            Context.withTimeout(Context.withValue(parent, "k", 1), Duration.ofSeconds(3));
            Context.withTimeout(parent, Duration.ofSeconds(4));
            println("pending", timers().pending());
            parent.cancel();
            println("pending", timers().pending());
        });
        assertEquals("pending 2\npending 0\n", ran.out());
    }

    @Test
    @DisplayName("SYN-08 withTimeout(5s) is not canceled at 5s-1ns and is canceled with DeadlineExceeded at exactly 5s")
    void synctestContextWithTimeout() {
        Programs.Ran ran = virtual(() -> {
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(5));
            Time.sleep(Duration.ofSeconds(5).minusNanos(1));
            println("at 5s-1ns:", ctx.err());
            Time.sleep(Duration.ofNanos(1));
            println("at 5s:", ctx.err());
        });
        assertEquals("at 5s-1ns: null\nat 5s: context deadline exceeded\n", ran.out());
    }

    @Test
    @DisplayName("CTX-08 real clock: withTimeout(100ms) is done after 100ms and well before a second")
    void timeoutOnTheRealClock() {
        Programs.Ran ran = Programs.run(() -> {
            Instant start = Time.now();
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(100));
            ctx.done().recv();
            long ms = Time.since(start).toMillis();
            println(ctx.err(), ms >= 100 && ms < 1000 ? "in time" : "late: " + ms + "ms");
        });
        assertEquals("context deadline exceeded in time\n", ran.out());
    }

    @Test
    @DisplayName("CTX-08 article 3.1: a request handler watching ctx.done() sees DeadlineExceeded at 5s")
    void articleWithTimeoutExample() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(5));
            try {
                Chan<String> handled = Chan.make();
                go(() -> {
                    select(recv(ctx.done(), () -> handled.send(
                            "received cancellation signal: " + ctx.err() + " at " + Time.format(Time.since(start)))));
                });
                println(handled.recv());
            } finally {
                ctx.cancel(); // defer cancel()
            }
        });
        assertEquals("received cancellation signal: context deadline exceeded at 5s\n", ran.out());
    }

    // ---------------------------------------------------------------- CTX-09

    @Test
    @DisplayName("CTX-09 cancel(err) sets Err=Canceled and Cause=err; cancel(null) sets Cause=Canceled; Cause is nil before")
    void cancelCause() {
        CancelCauseContext ctx = Context.withCancelCause(Context.background());
        assertNull(Context.cause(ctx));
        Exception why = new Exception("no more");
        ctx.cancel(why);
        ctx.cancel(new Exception("later"));
        assertSame(Context.CANCELED, ctx.err());
        assertSame(why, Context.cause(ctx));
        assertEquals("no more", ctx.info().cause());

        CancelCauseContext plain = Context.withCancelCause(Context.background());
        plain.cancel(null);
        assertSame(Context.CANCELED, Context.cause(plain));
    }

    @Test
    @DisplayName("CTX-09 the first cancellation of a context or any ancestor sets the cause")
    void firstAncestorCancelSetsCause() {
        CancelCauseContext parent = Context.withCancelCause(Context.background());
        CancelCauseContext child = Context.withCancelCause(parent);
        Exception cause1 = new Exception("cause1");
        parent.cancel(cause1);
        child.cancel(new Exception("cause2"));
        assertSame(cause1, Context.cause(child));
    }

    @Test
    @DisplayName("CTX-09 WithTimeoutCause sets its cause on expiry only; its cancel gives Cause=Canceled")
    void timeoutCauseOnlyOnExpiry() {
        Programs.Ran ran = virtual(() -> {
            Exception slow = new Exception("too slow");
            CancelContext expired = Context.withTimeoutCause(Context.background(), Duration.ofSeconds(1), slow);
            CancelContext canceled = Context.withTimeoutCause(Context.background(), Duration.ofSeconds(1), slow);
            canceled.cancel();
            expired.done().recv();
            println(expired.err(), "/", Context.cause(expired).getMessage());
            println(canceled.err(), "/", Context.cause(canceled));
        });
        assertEquals("context deadline exceeded / too slow\ncontext canceled / context canceled\n", ran.out());
    }

    // ---------------------------------------------------------------- CTX-10, SYN-09

    @Test
    @DisplayName("CTX-10 SYN-09 afterFunc is not called before cancel; after cancel it runs in its own goroutine")
    void afterFuncRunsAfterCancelInItsOwnGoroutine() {
        Programs.Ran ran = virtual(() -> {
            CancelContext ctx = Context.withCancel(Context.background());
            Chan<Long> calledIn = Chan.make(1);
            Context.afterFunc(ctx, () -> calledIn.send(Goroutine.current().id));
            Time.sleep(Duration.ofSeconds(1));
            println("before cancel, called:", calledIn.len() == 1);
            ctx.cancel();
            long id = calledIn.recv();
            println("after cancel, called in another goroutine:", id != Goroutine.current().id);
        });
        assertEquals("before cancel, called: false\nafter cancel, called in another goroutine: true\n", ran.out());
    }

    @Test
    @DisplayName("CTX-10 afterFunc on a canceled context runs at once; stop() is true iff it prevented f")
    void afterFuncStop() {
        Programs.Ran ran = virtual(() -> {
            Chan<String> calls = Chan.make(10);
            CancelContext done = Context.withCancel(Context.background());
            done.cancel();
            Context.Stop late = Context.afterFunc(done, () -> calls.send("already canceled"));
            println(calls.recv(), late.stop());

            CancelContext ctx = Context.withCancel(Context.background());
            Context.Stop first = Context.afterFunc(ctx, () -> calls.send("first"));
            Context.Stop second = Context.afterFunc(ctx, () -> calls.send("second"));
            println("children", ctx.children().size());
            println("stop second:", second.stop(), second.stop());
            println("children", ctx.children().size());
            ctx.cancel();
            println(calls.recv(), "stop first:", first.stop());
            Time.sleep(Duration.ofSeconds(1));
            println("left:", calls.len());
        });
        assertEquals("""
                already canceled false
                children 2
                stop second: true false
                children 1
                first stop first: false
                left: 0
                """, ran.out());
    }

    @Test
    @DisplayName("CTX-10 afterFunc on a deadline context runs when the timer fires, at exactly the deadline")
    void afterFuncOnDeadline() {
        Programs.Ran ran = virtual(() -> {
            Instant start = Time.now();
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(2));
            Chan<String> called = Chan.make();
            Context.afterFunc(ctx, () -> called.send("called at " + Time.format(Time.since(start))));
            println(called.recv());
            ctx.cancel();
        });
        assertEquals("called at 2s\n", ran.out());
    }

    // ---------------------------------------------------------------- CTX-11, CTX-12

    @Test
    @DisplayName("CTX-11 WithoutCancel keeps the values but has nil done, nil err, no deadline and nil cause")
    void withoutCancel() {
        Programs.Ran ran = virtual(() -> {
            CancelCauseContext parent = Context.withCancelCause(Context.withValue(Context.background(), "user", "ana"));
            CancelContext timed = Context.withTimeout(parent, Duration.ofSeconds(1));
            Context detached = Context.withoutCancel(timed);
            parent.cancel(new Exception("stop"));
            println(detached.value("user"), detached.done() == Chan.<Void>nil(), detached.err(),
                    detached.deadline().isPresent(), Context.cause(detached));
            CancelContext below = Context.withCancel(detached);
            println(below.err(), detached.info().state());
        });
        assertEquals("ana true null false null\nnull UNCANCELABLE\n", ran.out());
    }

    @Test
    @DisplayName("CTX-12 Value walks from child to parent and the innermost binding of a key wins")
    void valuesShadow() {
        Context a = Context.withValue(Context.background(), "k", "outer");
        Context b = Context.withCancel(Context.withValue(a, "other", 1));
        Context c = Context.withValue(b, "k", "inner");
        assertEquals("inner", c.value("k"));
        assertEquals("outer", b.value("k"));
        assertEquals(1, c.value("other"));
        assertNull(c.value("missing"));
        assertEquals("inner", c.value(new String("k"))); // keys compare with equals, as Go's == compares strings
    }

    record RequestId(int n) {
    }

    @Test
    @DisplayName("CTX-12 String forms: .WithCancel, .WithValue(k, v), .WithoutCancel, .WithDeadline(<t> [<remaining>])")
    void stringForms() {
        Context bg = Context.background();
        assertEquals("context.Background.WithCancel", Context.withCancel(bg).toString());
        assertEquals("context.Background.WithCancel", Context.withCancelCause(bg).toString());
        assertEquals("context.TODO.WithValue(user, ana)", Context.withValue(Context.todo(), "user", "ana").toString());
        assertEquals("context.Background.WithValue(RequestId[n=7], <nil>)",
                Context.withValue(bg, new RequestId(7), null).toString());
        assertEquals("context.Background.WithValue(Object, 42)", Context.withValue(bg, new Object(), 42).toString());
        assertEquals("context.Background.WithCancel.WithoutCancel",
                Context.withoutCancel(Context.withCancel(bg)).toString());

        Programs.Ran ran = virtual(() -> {
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(5));
            println(ctx);
            Time.sleep(Duration.ofMillis(1500));
            println(ctx);
            println(Context.withDeadline(ctx, EPOCH.plusMillis(4250)));
            ctx.cancel();
        });
        assertEquals("""
                context.Background.WithDeadline(2000-01-01 00:00:05 +0000 UTC [5s])
                context.Background.WithDeadline(2000-01-01 00:00:05 +0000 UTC [3.5s])
                context.Background.WithDeadline(2000-01-01 00:00:05 +0000 UTC [3.5s]).WithDeadline(2000-01-01 00:00:04.25 +0000 UTC [2.75s])
                """, ran.out());
    }

    // ---------------------------------------------------------------- the tree, for the views

    @Test
    @DisplayName("Tree: ids are stable and unique, info() reports kind, parent, state, deadline, err, cause, value and children")
    void treeSnapshot() {
        Programs.Ran ran = virtual(() -> {
            CancelCauseContext root = Context.withCancelCause(Context.background());
            Context value = Context.withValue(root, "trace", "t-1");
            CancelContext timed = Context.withTimeout(value, Duration.ofSeconds(3));
            ContextInfo before = timed.info();
            println(before.kind(), before.parentId() == value.id(), before.state(), before.deadline(), before.err());
            println(root.info().children().equals(List.of(timed.id())), value.info().key(), value.info().value());
            println(value.info().parentId() == root.id(), value.info().state());
            root.cancel(new IllegalStateException("bad input"));
            ContextInfo after = timed.info();
            println(after.state(), after.err(), "/", after.cause(), root.info().children());
        });
        assertEquals("""
                DEADLINE true ACTIVE 2000-01-01T00:00:03Z null
                true trace t-1
                true ACTIVE
                CANCELED context canceled / bad input []
                """, ran.out());
        CancelContext x = Context.withCancel(Context.background());
        CancelContext y = Context.withCancel(Context.background());
        assertNotEquals(x.id(), y.id());
        assertEquals(Context.background().id(), x.parent().id());
    }

    @Test
    @DisplayName("Contexts with timers or functions need a run: outside one, a clear IllegalStateException")
    void timersNeedARun() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Context.withTimeout(Context.background(), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("Context.withTimeout was called outside a LoomLab run"));
        assertThrows(IllegalStateException.class, () -> Context.afterFunc(Context.background(), () -> { }));
    }

    @Test
    @DisplayName("Article 2.2: a worker looping with select/default exits when the context is canceled")
    void articleWorkerLoopExample() {
        Programs.Ran ran = Programs.run(() -> {
            CancelContext ctx = Context.withCancel(Context.background());
            Chan<Void> exited = Chan.make();
            Chan<Void> working = Chan.make(1);
            go(() -> {
                boolean[] stop = {false};
                while (!stop[0]) {
                    select(recv(ctx.done(), () -> {
                        println("received exit signal");
                        stop[0] = true;
                    }), orElse(() -> {
                        select(Select.send(working, null), orElse(() -> { }));
                        Go.yield();
                    }));
                }
                exited.close();
            });
            working.recv();
            ctx.cancel();
            exited.recv();
        });
        assertEquals("received exit signal\n", ran.out());
        assertEquals(0, ran.exit());
    }

    @Test
    @DisplayName("A program that waits only on a canceled-never Background is a deadlock, shown as [chan receive (nil chan)]")
    void waitingOnBackgroundDeadlocks() {
        Programs.Ran ran = Programs.run(() -> Context.background().done().recv());
        assertInstanceOf(Outcome.Deadlocked.class, ran.result().outcome());
        assertEquals("goroutine 1 [chan receive (nil chan)]:", ran.result().reportLines().get(2));
    }

    // ---------------------------------------------------------------- helpers

    /** Runs {@code main} on the virtual clock: time moves only when every goroutine is blocked. */
    static Programs.Ran virtual(Runnable main) {
        Programs.Ran ran = VirtualPrograms.run(main);
        assertEquals(0, ran.exit(), ran.err());
        return ran;
    }

    /** The timer queue of the current run. */
    private static TimerQueue timers() {
        return Goroutine.current().runtime.timers;
    }

    /** True if {@code ch} is closed (a receive would not block); never blocks. */
    static boolean isClosed(RecvChan<?> ch) {
        boolean[] closed = {false};
        select(recv(ch, () -> closed[0] = true), orElse(() -> { }));
        return closed[0];
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("CTX-05 cancelling the root of a chain 100,000 deep cancels every context, without recursion")
    void cancellingADeepChainCancelsEveryContext() {
        Programs.Ran ran = Programs.run(() -> {
            CancelContext root = Context.withCancel(Context.background());
            CancelContext c = root;
            for (int i = 0; i < 100_000; i++) {
                c = Context.withCancel(c);
            }
            root.cancel();
            Go.println(c.err(), c.done().recvOk().ok());
        });
        org.junit.jupiter.api.Assertions.assertEquals(0, ran.exit(), ran.err());
        org.junit.jupiter.api.Assertions.assertEquals("context canceled false\n", ran.out());
    }
}
