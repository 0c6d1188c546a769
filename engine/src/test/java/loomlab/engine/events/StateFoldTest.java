package loomlab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import loomlab.engine.events.Event.*;
import loomlab.engine.events.FoldedState.LockUse;
import loomlab.engine.events.FoldedState.State;
import loomlab.engine.events.FoldedState.Waiter;
import org.junit.jupiter.api.Test;

class StateFoldTest {

    // ---------------------------------------------------------------- goroutines

    @Test
    void aGoroutineGoesFromRunnableToRunningToWaitingAndBackToDead() {
        StateFold fold = new StateFold();
        fold.apply(at(0, -1, new GoCreate(1, 0, "main")));
        fold.apply(at(0, -1, new GoCreate(2, 1, "worker")));
        assertEquals(State.RUNNABLE, fold.snapshot().goroutines().get(2L).state());

        fold.apply(at(1, 3, new GoStart(2)));
        FoldedState.Goroutine running = fold.snapshot().goroutines().get(2L);
        assertEquals(State.RUNNING, running.state());
        assertEquals(3, running.p());
        assertEquals(2L, fold.snapshot().processors().get(3).running());

        fold.apply(at(2, 3, new GoBlock(2, "chan send", 7)));
        FoldedState.Goroutine waiting = fold.snapshot().goroutines().get(2L);
        assertEquals(new FoldedState.Goroutine(2, "worker", 1, State.WAITING, "chan send", 7, -1, null, List.of()),
                waiting);
        assertEquals(0L, fold.snapshot().processors().get(3).running(), "the P runs nothing once its goroutine blocks");

        fold.apply(at(1, -1, new GoUnblock(2, 1)));
        assertEquals(State.RUNNABLE, fold.snapshot().goroutines().get(2L).state());
        assertNull(fold.snapshot().goroutines().get(2L).waitReason());

        fold.apply(at(2, 0, new GoStart(2)));
        fold.apply(at(2, 0, new GoEnd(2)));
        assertEquals(State.DEAD, fold.snapshot().goroutines().get(2L).state());
    }

    @Test
    void aYieldMakesTheGoroutineRunnableAgain() {
        FoldedState s = fold(at(0, -1, new GoCreate(1, 0, "main")), at(1, 0, new GoStart(1)), at(1, 0, new GoYield(1)));

        assertEquals(State.RUNNABLE, s.goroutines().get(1L).state());
    }

    @Test
    void aGoroutineInASyscallIsInTheSyscallState() {
        FoldedState s = fold(at(1, 0, new GoStart(1)), at(1, 0, new GoBlock(1, "syscall", 0)));

        assertEquals(State.SYSCALL, s.goroutines().get(1L).state());
        assertEquals("syscall", s.goroutines().get(1L).waitReason());
    }

    @Test
    void aPanickedGoroutineIsDeadAndKeepsItsValue() {
        FoldedState s = fold(at(1, 0, new GoStart(1)), at(1, 0, new GoPanic(1, "boom")));

        assertEquals(State.DEAD, s.goroutines().get(1L).state());
        assertEquals("boom", s.goroutines().get(1L).panic());
    }

    @Test
    void outputIsKeptInOrderAndPerGoroutine() {
        FoldedState s = fold(at(1, 0, new Output(1, "a")), at(2, 0, new Output(2, "b")), at(1, 0, new Output(1, "c")));

        assertEquals(List.of("a", "c"), s.goroutines().get(1L).output());
        assertEquals(List.of("b"), s.goroutines().get(2L).output());
        assertEquals(List.of(new Output(1, "a"), new Output(2, "b"), new Output(1, "c")), s.output());
    }

    // ---------------------------------------------------------------- channels

    @Test
    void aBufferedChannelWithTwoSendsAndOneReceiveHoldsTheSecondValueInItsSecondSlot() {
        FoldedState s = fold(
                at(1, 0, new ChanMake(1, 3)),
                at(1, 0, new ChanSend(1, 1, "a", 0, 0)),
                at(1, 0, new ChanSend(1, 1, "b", 1, 0)),
                at(2, 0, new ChanRecv(1, 2, "a", true, 0, 0)));

        FoldedState.Channel ch = s.channels().get(1L);
        assertEquals(Map.of(1, "b"), ch.buffer());
        assertEquals(2, ch.sendx());
        assertEquals(1, ch.recvx());
        assertEquals(List.of("b"), ch.inReceiveOrder());
    }

    @Test
    void aReceiveFromAFullChannelLetsTheParkedSendersValueIntoTheFreedSlot() {
        // given: cap 2, full (a, b), sender 3 parked holding c
        List<Traced> events = new ArrayList<>(List.of(
                at(1, 0, new ChanMake(1, 2)),
                at(1, 0, new ChanSend(1, 1, "a", 0, 0)),
                at(1, 0, new ChanSend(1, 1, "b", 1, 0)),
                at(3, 0, new WaiterEnqueue(1, 3, true, "c")),
                at(3, 0, new GoBlock(3, "chan send", 1))));
        assertEquals(List.of(new Waiter(3, "c")), StateFold.fold(events).channels().get(1L).sendq());
        // when: a receiver takes the head, and the engine moves c into that slot
        events.add(at(2, 0, new ChanRecv(1, 2, "a", true, 0, 0)));
        events.add(at(2, 0, new WaiterDequeue(1, 3, true)));
        events.add(at(2, 0, new ChanSend(1, 3, "c", 0, 0)));
        // then
        FoldedState.Channel ch = StateFold.fold(events).channels().get(1L);
        assertEquals(Map.of(0, "c", 1, "b"), ch.buffer());
        assertEquals(List.of("b", "c"), ch.inReceiveOrder());
        assertEquals(List.of(), ch.sendq());
    }

    @Test
    void aHandOffBetweenGoroutinesNeverTouchesTheBuffer() {
        FoldedState s = fold(
                at(1, 0, new ChanMake(1, 0)),
                at(1, 0, new ChanSend(1, 1, "x", -1, 2)),
                at(2, 0, new ChanRecv(1, 2, "x", true, -1, 1)));

        assertTrue(s.channels().get(1L).buffer().isEmpty());
    }

    @Test
    void aClosedChannelIsClosed() {
        FoldedState s = fold(at(1, 0, new ChanMake(1, 0)), at(1, 0, new ChanClose(1, 1)));

        assertTrue(s.channels().get(1L).closed());
    }

    @Test
    void waitersQueueInOrderAndLeaveFromAnyPlace() {
        FoldedState s = fold(
                at(1, 0, new ChanMake(1, 0)),
                at(2, 0, new WaiterEnqueue(1, 2, false, null)),
                at(3, 0, new WaiterEnqueue(1, 3, false, null)),
                at(4, 0, new WaiterEnqueue(1, 4, false, null)),
                at(3, 0, new WaiterDequeue(1, 3, false)));

        assertEquals(List.of(new Waiter(2, null), new Waiter(4, null)), s.channels().get(1L).recvq());
        assertEquals(List.of(), s.channels().get(1L).sendq());
    }

    // ---------------------------------------------------------------- contexts, timers, locks

    @Test
    void aCancelledContextKeepsItsParentAndGainsItsErrorAndCause() {
        FoldedState s = fold(
                at(1, 0, new CtxCreate(1, 0, "Background", -1, "context.Background")),
                at(1, 0, new CtxCreate(2, 1, "WithTimeout", 5_000, "ctx")),
                at(0, -1, new CtxCancel(2, "context deadline exceeded", "context deadline exceeded")));

        assertEquals(new FoldedState.Context(2, 1, "WithTimeout", 5_000, "ctx", true, "context deadline exceeded",
                "context deadline exceeded"), s.contexts().get(2L));
        assertFalse(s.contexts().get(1L).cancelled());
    }

    @Test
    void aOneShotTimerGoesInactiveWhenItFiresAndATickerIsDueAgain() {
        FoldedState s = fold(
                at(1, 0, new TimerStart(1, 100, 0)),
                at(1, 0, new TimerStart(2, 100, 50)),
                at(0, -1, new TimerFire(1)),
                at(0, -1, new TimerFire(2)));

        assertEquals(new FoldedState.Timer(1, 100, 0, false, 1), s.timers().get(1L));
        assertEquals(new FoldedState.Timer(2, 150, 50, true, 1), s.timers().get(2L));
    }

    @Test
    void aStoppedTimerIsInactive() {
        FoldedState s = fold(at(1, 0, new TimerStart(1, 100, 0)), at(1, 0, new TimerStop(1)));

        assertFalse(s.timers().get(1L).active());
    }

    @Test
    void aLockHasItsHoldersAndItsWaitersInOrder() {
        FoldedState s = fold(
                at(1, 0, new LockAcquire(1, 1, "RWMutex.R")),
                at(2, 0, new LockAcquire(1, 2, "RWMutex.R")),
                at(3, 0, new LockWait(1, 3, "RWMutex")),
                at(1, 0, new LockRelease(1, 1, "RWMutex.R")));

        assertEquals(List.of(new LockUse(2, "RWMutex.R")), s.locks().get(1L).holders());
        assertEquals(List.of(new LockUse(3, "RWMutex")), s.locks().get(1L).waiters());
    }

    // ---------------------------------------------------------------- scheduler

    @Test
    void aNewRunnextKicksTheOldOneToTheTailOfTheLocalQueue() {
        FoldedState s = fold(
                at(1, 0, new RunqPush(0, 2, false)),
                at(1, 0, new RunqPush(0, 3, true)),
                at(1, 0, new RunqPush(0, 4, true)));

        assertEquals(new FoldedState.Processor(0, -1, 0, 4, List.of(2L, 3L)), s.processors().get(0));
    }

    @Test
    void aStealMovesGoroutinesFromOnePToAnother() {
        FoldedState s = fold(
                at(1, 0, new RunqPush(0, 2, false)),
                at(1, 0, new RunqPush(0, 3, false)),
                at(1, 0, new RunqPush(0, 4, false)),
                at(0, 1, new RunqSteal(0, 1, List.of(2L, 3L))));

        assertEquals(List.of(4L), s.processors().get(0).runq());
        assertEquals(List.of(2L, 3L), s.processors().get(1).runq());
    }

    @Test
    void aGoroutineThatStartsLeavesEveryRunQueue() {
        FoldedState s = fold(at(1, 0, new GlobalPush(5)), at(1, 0, new RunqPush(0, 6, true)),
                at(0, 0, new GoStart(5)), at(0, 1, new GoStart(6)));

        assertEquals(List.of(), s.globalRunq());
        assertEquals(0L, s.processors().get(0).runnext());
    }

    @Test
    void machinesParkAndUnpark() {
        FoldedState s = fold(at(0, -1, new MStart(0)), at(0, -1, new MStart(1)), at(0, -1, new MPark(1)));

        assertFalse(s.machines().get(0).parked());
        assertTrue(s.machines().get(1).parked());
    }

    // ---------------------------------------------------------------- the end

    @Test
    void aDeadlockLeaksAndTheExitAreRecorded() {
        FoldedState s = fold(at(0, -1, new Deadlock("all goroutines are asleep")), at(0, -1, new Leak(4, "chan send")),
                at(0, -1, new Exit(2, "fatal error")));

        assertEquals("all goroutines are asleep", s.deadlock());
        assertEquals(List.of(new Leak(4, "chan send")), s.leaks());
        assertEquals(new Exit(2, "fatal error"), s.exit());
    }

    @Test
    void atANormalExitEveryGoroutineNotLeakedIsDead() {
        FoldedState s = fold(at(0, -1, new GoCreate(1, 0, "main")), at(1, 0, new GoStart(1)),
                at(1, 0, new GoCreate(2, 1, "stuck")), at(1, 0, new GoCreate(3, 1, "finisher")),
                at(3, 1, new GoStart(3)), at(0, -1, new Leak(2, "runnable")), at(0, -1, new Exit(0, "")));

        assertEquals(State.DEAD, s.goroutines().get(1L).state(), "main returned");
        assertEquals(State.RUNNABLE, s.goroutines().get(2L).state(), "leaked: as it was");
        assertEquals(State.DEAD, s.goroutines().get(3L).state(),
                "ended while main returned: no GoEnd was recorded, and the leak report leaves it out");
    }

    @Test
    void theClockFollowsTheLastEventAndClockAdvances() {
        StateFold fold = new StateFold();
        fold.apply(new Traced(1, 10, 0, -1, -1, null, new ClockAdvance(500)));

        assertEquals(1, fold.snapshot().seq());
        assertEquals(500, fold.snapshot().nanos());
    }

    @Test
    void aSnapshotDoesNotChangeWhenLaterEventsAreFolded() {
        StateFold fold = new StateFold();
        fold.apply(at(1, 0, new ChanMake(1, 2)));
        fold.apply(at(1, 0, new Output(1, "a")));
        FoldedState before = fold.snapshot();

        fold.apply(at(1, 0, new ChanSend(1, 1, "x", 0, 0)));
        fold.apply(at(1, 0, new Output(1, "b")));

        assertTrue(before.channels().get(1L).buffer().isEmpty());
        assertEquals(List.of("a"), before.goroutines().get(1L).output());
        assertThrows(UnsupportedOperationException.class, () -> before.goroutines().clear());
    }

    @Test
    void everyKindOfEventFoldsWithoutFailing() {
        FoldedState s = StateFold.fold(SampleEvents.stamped(SampleEvents.oneOfEachKind()));

        assertFalse(s.goroutines().isEmpty());
    }

    // ---------------------------------------------------------------- helpers

    private long seq;

    private Traced at(long g, int p, Event e) {
        return new Traced(++seq, seq * 10, g, p, p, null, e);
    }

    private static FoldedState fold(Traced... events) {
        return StateFold.fold(List.of(events));
    }
}
