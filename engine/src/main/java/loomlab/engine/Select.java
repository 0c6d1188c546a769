package loomlab.engine;

import java.util.Objects;
import loomlab.engine.events.Event;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Go's {@code select} statement:
 * <pre>{@code
 * select(
 *     recv(in, v -> handle(v)),
 *     send(out, x, () -> sent()),
 *     orElse(() -> nothingReady()));   // Go's default
 * }</pre>
 *
 * <h2>The algorithm</h2>
 * Go's {@code selectgo} ({@code runtime/select.go}), in three passes, with one pass of our own
 * before them (pass 0): in the poll order, a case whose channel looks ready from a read without
 * its lock is tried under that one lock; the first that proceeds runs. Only when none does are
 * all the locks taken. It chooses as pass 1 would (the first ready case in a uniformly random
 * order) and saves three lock round trips when a case is ready, the common case of a busy select
 * (select over 4 channels of capacity 16: 3.4 → 7.3 M msgs/s).
 * <ol>
 * <li>Lock every distinct channel, in the order of their ids (Go sorts by address) so that two
 *     selects never deadlock on each other's locks. Look at the cases in a random permutation
 *     (the poll order); the first that can proceed runs, which makes the choice among ready
 *     cases uniform.</li>
 * <li>None is ready and there is no default: queue one waiter per case, all sharing one
 *     {@link SelectWait}, and park. The first partner to win {@link SelectWait#claim()} completes
 *     that case; later partners skip the other waiters.</li>
 * <li>Woken: lock every channel again and take the losing waiters off their queues.</li>
 * </ol>
 * Nil channels are left out of both orders, so their cases never fire. A select with no cases
 * blocks forever; one with a single case and no default is the plain channel operation (as Go
 * compiles it), which shows in dumps as {@code chan receive}, not {@code select}.
 */
public final class Select {
    private static final int RECV = 0;
    private static final int SEND = 1;
    private static final int DEFAULT = 2;

    private Select() {
    }

    /** One case of a select. Build it with {@link #recv}, {@link #recvOk}, {@link #send} or {@link #orElse}. */
    public static final class Case {
        final int kind;
        final Chan<Object> chan;
        final Object value;
        final Consumer<Object> onValue;
        final BiConsumer<Object, Boolean> onValueOk;
        final Runnable body;

        @SuppressWarnings("unchecked")
        private Case(int kind, Object chan, Object value, Consumer<?> onValue, BiConsumer<?, Boolean> onValueOk,
                     Runnable body) {
            this.kind = kind;
            this.chan = (Chan<Object>) chan;
            this.value = value;
            this.onValue = (Consumer<Object>) onValue;
            this.onValueOk = (BiConsumer<Object, Boolean>) onValueOk;
            this.body = body;
        }
    }

    /** {@code case v := <-ch:} */
    public static <T> Case recv(RecvChan<T> ch, Consumer<? super T> body) {
        Objects.requireNonNull(ch, "ch (use Chan.nil() for a nil channel)");
        Objects.requireNonNull(body, "body");
        return new Case(RECV, ch, null, body, null, null);
    }

    /** {@code case <-ch:} (the value is discarded). */
    public static <T> Case recv(RecvChan<T> ch, Runnable body) {
        Objects.requireNonNull(body, "body");
        return recv(ch, v -> body.run());
    }

    /** {@code case <-ch:} with an empty body. */
    public static <T> Case recv(RecvChan<T> ch) {
        return recv(ch, v -> { });
    }

    /** {@code case v, ok := <-ch:} */
    public static <T> Case recvOk(RecvChan<T> ch, BiConsumer<? super T, Boolean> body) {
        Objects.requireNonNull(ch, "ch (use Chan.nil() for a nil channel)");
        Objects.requireNonNull(body, "body");
        return new Case(RECV, ch, null, null, body, null);
    }

    /** {@code case ch <- v:} */
    public static <T> Case send(SendChan<T> ch, T value, Runnable body) {
        Objects.requireNonNull(ch, "ch (use Chan.nil() for a nil channel)");
        Objects.requireNonNull(body, "body");
        return new Case(SEND, ch, value, null, null, body);
    }

    /** {@code case ch <- v:} with an empty body. */
    public static <T> Case send(SendChan<T> ch, T value) {
        return send(ch, value, () -> { });
    }

    /** {@code default:} runs when no other case is ready; the select then never blocks. */
    public static Case orElse(Runnable body) {
        Objects.requireNonNull(body, "body");
        return new Case(DEFAULT, null, null, null, null, body);
    }

    /** Runs exactly one ready case, choosing uniformly among ready ones; see the class comment. */
    public static void select(Case... cases) {
        Objects.requireNonNull(cases, "cases");
        Goroutine g = Goroutine.current();
        if (g != null) {
            g.runtime.switchPoint(g);
        }
        Case dflt = null;
        int active = 0;
        for (int i = 0; i < cases.length; i++) {
            Case c = Objects.requireNonNull(cases[i], "case " + i);
            if (c.kind == DEFAULT) {
                if (dflt != null) {
                    throw new IllegalArgumentException("multiple defaults in select");
                }
                dflt = c;
            } else if (!c.chan.isNil()) {
                active++;
            }
        }
        if (dflt == null) {
            if (cases.length == 0) {
                Runtime.blockForever(WaitReason.SELECT_NO_CASES);
            }
            if (cases.length == 1) {
                single(cases[0]);
                return;
            }
            if (active == 0) {
                Runtime.blockForever(WaitReason.SELECT);
            }
        }
        if (g != null && g.traced) {
            g.beginOp(); // ended by chosen(), before any case's body runs, or before a panic
            g.runtime.emit(g, new Event.SelectBegin(g.id, cases.length, dflt != null));
        }
        selectgo(g, cases, active, dflt);
    }

    /** A one-case select without default is the plain operation, as Go compiles it. */
    private static void single(Case c) {
        if (c.kind == SEND) {
            c.chan.send(c.value);
            c.body.run();
        } else if (c.onValueOk != null) {
            Received<Object> r = c.chan.recvOk();
            c.onValueOk.accept(r.value(), r.ok());
        } else {
            c.onValue.accept(c.chan.recv());
        }
    }

    private static void selectgo(Goroutine g, Case[] cases, int active, Case dflt) {
        int[] poll = pollOrder(g, cases, active);

        // Pass 0: a case whose channel looks ready is tried under that channel's lock alone.
        for (int i : poll) {
            Chan<Object> ch = cases[i].chan;
            if (ch.looksReady(cases[i].kind == SEND)) {
                ch.lock.lock();
                if (tryCase(g, cases, i, ch, null)) {
                    return;
                }
                ch.lock.unlock();
            }
        }

        // Pass 1: look for a case that can proceed now, in poll order, with every lock held.
        Chan<?>[] locks = lockOrder(cases, poll);
        lockAll(locks);
        for (int i : poll) {
            if (tryCase(g, cases, i, null, locks)) {
                return;
            }
        }
        if (dflt != null) {
            unlockAll(locks);
            chosen(g, -1);
            dflt.body.run();
            return;
        }

        // Pass 2: queue a waiter on every case and park.
        SelectWait wait = new SelectWait(g);
        SelectWaiter[] waiters = new SelectWaiter[poll.length];
        for (int k = 0; k < poll.length; k++) {
            int i = poll[k];
            Case c = cases[i];
            SelectWaiter w = new SelectWaiter(g, c.chan, c.kind == SEND ? c.value : null, wait, i);
            waiters[k] = w;
            c.chan.enqueue(c.kind == SEND ? c.chan.sendq : c.chan.recvq, w);
        }
        boolean allAsleep = g != null && g.park(WaitReason.SELECT);
        unlockAll(locks);
        Runtime.parkOrDeadlock(g, allAsleep);
        SelectWaiter won = wait.await(allUnbuffered(locks));
        Runtime.running(g);

        // Pass 3: dequeue the losing waiters.
        lockAll(locks);
        for (SelectWaiter w : waiters) {
            if (w != won) {
                w.chan.remove(g, w, cases[w.caseIndex].kind == SEND);
            }
        }
        unlockAll(locks);

        Case c = cases[won.caseIndex];
        chosen(g, won.caseIndex);
        if (c.kind == RECV) {
            deliver(c, won.success ? won.elem : null, won.success);
        } else if (won.success) {
            c.body.run();
        } else {
            throw new RuntimeError("send on closed channel");
        }
    }

    /**
     * Completes case {@code i} if it can proceed now: releases the locks held ({@code one}, or
     * else every channel of {@code all}), wakes the partner, runs the case's body and returns true.
     * Returns false, locks still held, if the case cannot proceed.
     */
    private static boolean tryCase(Goroutine g, Case[] cases, int i, Chan<?> one, Chan<?>[] all) {
        Case c = cases[i];
        Chan<Object> ch = c.chan;
        if (c.kind == RECV) {
            Waiter sender = ch.dequeue(g, ch.sendq);
            if (sender != null) {
                Object v = ch.recvFromSender(g, sender);
                unlock(one, all);
                sender.ready();
                chosen(g, i);
                deliver(c, v, true);
                return true;
            }
            if (ch.bufferHasValue()) {
                Object v = ch.bufferTake(g);
                unlock(one, all);
                chosen(g, i);
                deliver(c, v, true);
                return true;
            }
            if (ch.closedLocked()) {
                unlock(one, all);
                chosen(g, i);
                deliver(c, null, false);
                return true;
            }
            return false;
        }
        if (ch.closedLocked()) {
            unlock(one, all);
            Goroutine.endOp(g);
            throw new RuntimeError("send on closed channel");
        }
        Waiter receiver = ch.dequeue(g, ch.recvq);
        if (receiver != null) {
            ch.sendDirect(g, receiver, c.value);
            unlock(one, all);
            receiver.ready();
            chosen(g, i);
            c.body.run();
            return true;
        }
        if (ch.bufferHasRoom()) {
            ch.bufferPut(g, c.value);
            unlock(one, all);
            chosen(g, i);
            c.body.run();
            return true;
        }
        return false;
    }

    private static void unlock(Chan<?> one, Chan<?>[] all) {
        if (one != null) {
            one.lock.unlock();
        } else {
            unlockAll(all);
        }
    }

    private static void chosen(Goroutine g, int index) {
        if (g != null && g.traced) {
            g.runtime.emit(g, new Event.SelectChosen(g.id, index));
            Goroutine.endOp(g); // what follows is the learner's case body
        }
    }

    private static void deliver(Case c, Object value, boolean ok) {
        if (c.onValueOk != null) {
            c.onValueOk.accept(value, ok);
        } else {
            c.onValue.accept(value);
        }
    }

    /** The indexes of the non-nil, non-default cases in a uniformly random order (Fisher-Yates). */
    private static int[] pollOrder(Goroutine g, Case[] cases, int active) {
        int[] poll = new int[active];
        int n = 0;
        for (int i = 0; i < cases.length; i++) {
            Case c = cases[i];
            if (c.kind != DEFAULT && !c.chan.isNil()) {
                int j = Runtime.randomInt(g, n + 1);
                poll[n] = poll[j];
                poll[j] = i;
                n++;
            }
        }
        return poll;
    }

    /** The distinct channels of the cases, sorted by id: the one global lock order. */
    private static Chan<?>[] lockOrder(Case[] cases, int[] poll) {
        Chan<?>[] order = new Chan<?>[poll.length];
        int n = 0;
        for (int i : poll) {
            Chan<?> ch = cases[i].chan;
            int at = n;
            boolean duplicate = false;
            while (at > 0 && order[at - 1].id >= ch.id) {
                if (order[at - 1] == ch) {
                    duplicate = true;
                    break;
                }
                at--;
            }
            if (duplicate) {
                continue;
            }
            System.arraycopy(order, at, order, at + 1, n - at);
            order[at] = ch;
            n++;
        }
        return n == order.length ? order : java.util.Arrays.copyOf(order, n);
    }

    private static boolean allUnbuffered(Chan<?>[] chans) {
        for (Chan<?> ch : chans) {
            if (ch.cap() != 0) {
                return false;
            }
        }
        return true;
    }

    private static void lockAll(Chan<?>[] locks) {
        for (Chan<?> ch : locks) {
            ch.lock.lock(); // lock order: ascending channel id
        }
    }

    private static void unlockAll(Chan<?>[] locks) {
        for (int i = locks.length - 1; i >= 0; i--) {
            locks[i].lock.unlock();
        }
    }
}
