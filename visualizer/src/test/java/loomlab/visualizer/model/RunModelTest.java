package loomlab.visualizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import loomlab.engine.events.Event;
import loomlab.engine.events.Event.*;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.VisualState.Select;
import loomlab.visualizer.model.VisualState.State;
import loomlab.visualizer.model.VisualState.Waiter;
import org.junit.jupiter.api.Test;

/** Event sequences, one kind at a time, and the state each leaves. */
class RunModelTest {
    private final RunModel model = new RunModel();
    private long nanos;

    /** Appends {@code e} with no P and no M. */
    private RunModelTest add(Event... es) {
        for (Event e : es) {
            on(-1, -1, e);
        }
        return this;
    }

    /** Appends {@code e} as happening on P {@code p} and M {@code m}. */
    private RunModelTest on(int p, int m, Event e) {
        model.append(new Traced(model.size() + 1, nanos, 0, p, m, null, e));
        return this;
    }

    private RunModelTest atNanos(long at) {
        nanos = at;
        return this;
    }

    private VisualState state() {
        return model.latest();
    }

    private static List<String> slots(String... values) {
        return Arrays.asList(values);
    }

    // ---------------------------------------------------------------- goroutines

    @Test
    void aGoroutineGoesFromRunnableToRunningToWaitingAndBackToDead() {
        atNanos(10).add(new GoCreate(1, 0, "main"), new GoCreate(2, 1, "worker"));
        assertEquals(new VisualState.Goroutine(2, "worker", 1, State.RUNNABLE, 10, null, 0, -1, -1, 1, null, null),
                state().goroutine(2));

        atNanos(20).on(3, 1, new GoStart(2));
        VisualState.Goroutine running = state().goroutine(2);
        assertEquals(State.RUNNING, running.state());
        assertEquals(3, running.p());
        assertEquals(1, running.m());
        assertEquals(20, running.since());
        assertEquals(2L, state().processor(3).running());
        assertEquals(new VisualState.Machine(1, 3, 2, false), state().machine(1));

        atNanos(30).on(3, 1, new GoBlock(2, "chan send", 7));
        assertEquals(
                new VisualState.Goroutine(2, "worker", 1, State.WAITING, 30, "chan send", 7, -1, -1, 1, null, null),
                state().goroutine(2));
        assertEquals(0L, state().processor(3).running(), "the P runs nothing once its goroutine blocks");
        assertEquals(0L, state().machine(1).running(), "nor does the M");

        atNanos(40).add(new GoUnblock(2, 1));
        assertEquals(State.RUNNABLE, state().goroutine(2).state());
        assertNull(state().goroutine(2).waitReason());
        assertEquals(0, state().goroutine(2).waitingOn());

        on(0, 0, new GoStart(2)).on(0, 0, new GoEnd(2));
        assertEquals(State.DEAD, state().goroutine(2).state());
        assertEquals(0L, state().processor(0).running());
    }

    @Test
    void aYieldMakesTheGoroutineRunnableAgainAndFreesItsP() {
        on(0, 0, new GoStart(1)).on(0, 0, new GoYield(1));

        assertEquals(State.RUNNABLE, state().goroutine(1).state());
        assertEquals(-1, state().goroutine(1).p());
        assertEquals(0L, state().processor(0).running());
    }

    @Test
    void aGoroutineInASyscallIsInTheSyscallState() {
        on(0, 0, new GoStart(1)).on(0, 0, new GoBlock(1, "syscall", 0));

        assertEquals(State.SYSCALL, state().goroutine(1).state());
        assertEquals("syscall", state().goroutine(1).waitReason());
    }

    @Test
    void aPanickedGoroutineIsDeadAndKeepsItsValue() {
        on(0, 0, new GoStart(1)).on(0, 0, new GoPanic(1, "boom")).add(new GoEnd(1));

        assertEquals(State.DEAD, state().goroutine(1).state());
        assertEquals("boom", state().goroutine(1).panic());
    }

    @Test
    void whenTheRunExitsNormallyMainIsDeadAndItsPIsFree() {
        on(0, 0, new GoStart(1)).add(new GoCreate(2, 1, "worker"));
        on(0, 0, new GoCreate(3, 1, "finisher")).on(1, 1, new GoStart(3));
        add(new Leak(2, "runnable"));
        add(new Exit(0, ""));

        assertEquals(State.DEAD, state().goroutine(1).state(), "main returned: no GoEnd comes for it");
        assertEquals(0L, state().processor(0).running());
        assertEquals(State.RUNNABLE, state().goroutine(2).state(), "a leaked goroutine keeps its state");
        assertEquals(State.DEAD, state().goroutine(3).state(),
                "not leaked: it ended while main returned, too late for its GoEnd to be recorded");
        assertEquals(0L, state().processor(1).running());
    }

    @Test
    void afterADeadlockMainKeepsTheStateItWasStuckIn() {
        on(0, 0, new GoStart(1)).on(0, 0, new GoBlock(1, "chan receive", 3));
        add(new Exit(2, "fatal error: all goroutines are asleep - deadlock!"));

        assertEquals(State.WAITING, state().goroutine(1).state());
    }

    @Test
    void eachGoroutineKeepsOneColourAndNeighboursDiffer() {
        assertEquals(VisualState.Goroutine.colourOf(1), VisualState.Goroutine.colourOf(1 + VisualState.PALETTE_SIZE));
        assertNotEquals(VisualState.Goroutine.colourOf(1), VisualState.Goroutine.colourOf(2));
        add(new GoCreate(5, 1, null));
        assertEquals(VisualState.Goroutine.colourOf(5), state().goroutine(5).colour());
    }

    @Test
    void blockedGoroutinesAreGroupedByWaitReasonInTheOrderTheyParked() {
        atNanos(1).add(new GoBlock(4, "chan receive", 1));
        atNanos(2).add(new GoBlock(2, "sleep", 0));
        atNanos(3).add(new GoBlock(3, "chan receive", 1));
        atNanos(4).add(new GoBlock(5, "syscall", 0), new GoCreate(6, 1, null));

        var groups = state().blockedByReason();

        assertEquals(List.of("chan receive", "sleep", "syscall"), List.copyOf(groups.keySet()));
        assertEquals(List.of(4L, 3L), groups.get("chan receive").stream().map(VisualState.Goroutine::id).toList());
        assertEquals(List.of(2L), groups.get("sleep").stream().map(VisualState.Goroutine::id).toList());
    }

    // ---------------------------------------------------------------- Ps, the global queue and Ms

    @Test
    void aNewRunnextKicksTheOldOneToTheTailOfTheLocalQueue() {
        on(0, 0, new RunqPush(0, 2, false)).on(0, 0, new RunqPush(0, 3, true)).on(0, 0, new RunqPush(0, 4, true));

        assertEquals(new VisualState.Processor(0, -1, 0, 4, List.of(2L, 3L)), state().processor(0));
    }

    @Test
    void aPopTakesFromRunnextOrTheQueueAndAStartLeavesEveryQueue() {
        on(0, 0, new RunqPush(0, 2, false)).on(0, 0, new RunqPush(0, 3, false)).on(0, 0, new RunqPush(0, 4, true));
        on(0, 0, new RunqPop(0, 4, true));
        assertEquals(0L, state().processor(0).runnext());

        on(0, 0, new RunqPop(0, 2, false));
        assertEquals(List.of(3L), state().processor(0).runq());

        on(1, 1, new GoStart(3));
        assertEquals(List.of(), state().processor(0).runq());
        assertEquals(3L, state().processor(1).running());
    }

    @Test
    void aStealMovesGoroutinesFromOnePToTheTailOfAnother() {
        for (long g = 2; g <= 5; g++) {
            on(0, 0, new RunqPush(0, g, false));
        }
        on(1, 1, new RunqPush(1, 9, false));

        on(1, 1, new RunqSteal(0, 1, List.of(2L, 3L)));
        assertEquals(List.of(4L, 5L), state().processor(0).runq());
        assertEquals(List.of(9L, 2L, 3L), state().processor(1).runq());

        on(1, 1, new GoStart(2));
        assertEquals(List.of(9L, 3L), state().processor(1).runq(), "the first stolen goroutine runs at once");
    }

    @Test
    void theGlobalQueueIsFifoAndASpillLeavesTheLocalQueue() {
        on(0, 0, new RunqPush(0, 2, false)).on(0, 0, new RunqPush(0, 3, false));
        add(new GlobalPush(2), new GlobalPush(7));
        assertEquals(List.of(2L, 7L), state().globalRunq());
        assertEquals(List.of(3L), state().processor(0).runq(), "a goroutine is in one queue at a time");

        on(1, 1, new GlobalPop(1, 2));
        assertEquals(List.of(7L), state().globalRunq());
        on(1, 1, new GoStart(7));
        assertEquals(List.of(), state().globalRunq());
    }

    @Test
    void machinesStartParkWakeAndHandOffTheirP() {
        on(0, 0, new MStart(0)).on(1, 1, new MStart(1));
        assertEquals(new VisualState.Machine(0, 0, 0, false), state().machine(0));
        assertEquals(0, state().processor(0).m());

        on(1, 1, new MPark(1));
        assertTrue(state().machine(1).parked());
        on(1, 1, new MUnpark(1));
        assertFalse(state().machine(1).parked());

        on(0, 0, new Handoff(0, 0, 2));
        assertEquals(2, state().processor(0).m());
        assertEquals(-1, state().machine(0).p(), "the M in the syscall has no P");
        assertEquals(new VisualState.Machine(2, 0, 0, false), state().machine(2));

        on(0, 2, new Handoff(0, 2, -1));
        assertEquals(-1, state().processor(0).m(), "to the idle list");
    }

    // ---------------------------------------------------------------- channels

    @Test
    void aNewChannelHasEmptySlotsAndBothIndexesAtZero() {
        add(new ChanMake(1, 3), new ChanMake(2, 0));

        assertEquals(new VisualState.Channel(1, "", 3, false, slots(null, null, null), 0, 0, 0, false, List.of(), List.of(), null),
                state().channel(1));
        assertEquals(List.of(), state().channel(2).slots());
    }

    @Test
    void bufferedSendsFillSlotsAndReceivesEmptyThemRoundTheRing() {
        add(new ChanMake(1, 3));
        add(new ChanSend(1, 2, "a", 0, 0), new ChanSend(1, 2, "b", 1, 0));
        assertEquals(new VisualState.Channel(1, "", 3, false, slots("a", "b", null), 2, 0, 2, false, List.of(), List.of(), null),
                state().channel(1));

        add(new ChanRecv(1, 3, "a", true, 0, 0));
        assertEquals(new VisualState.Channel(1, "", 3, false, slots(null, "b", null), 2, 1, 1, false, List.of(), List.of(), new VisualState.Delivery(3, "a", true)),
                state().channel(1));

        add(new ChanSend(1, 2, "c", 2, 0), new ChanSend(1, 2, "d", 0, 0));
        assertEquals(slots("d", "b", "c"), state().channel(1).slots());
        assertEquals(1, state().channel(1).sendx(), "sendx wraps round the ring");
        assertEquals(3, state().channel(1).len());
    }

    @Test
    void aReceiveFromAFullBufferLetsTheParkedSenderIntoTheFreedSlot() {
        // given: cap 2, full, and goroutine 3 parked holding "c"
        add(new ChanMake(1, 2), new ChanSend(1, 2, "a", 0, 0), new ChanSend(1, 2, "b", 1, 0));
        add(new WaiterEnqueue(1, 3, true, "c"), new GoBlock(3, "chan send", 1));
        assertEquals(List.of(new Waiter(3, "c")), state().channel(1).sendq());

        // when: the engine's order for it
        add(new ChanRecv(1, 4, "a", true, 0, 0), new ChanSend(1, 3, "c", 0, 0), new WaiterDequeue(1, 3, true),
                new GoUnblock(3, 4));

        // then
        assertEquals(new VisualState.Channel(1, "", 2, false, slots("c", "b"), 1, 1, 2, false, List.of(), List.of(), new VisualState.Delivery(4, "a", true)),
                state().channel(1));
        assertEquals(State.RUNNABLE, state().goroutine(3).state());
    }

    @Test
    void aHandOffToAParkedReceiverNeverTouchesTheBuffer() {
        add(new ChanMake(1, 0), new WaiterEnqueue(1, 5, false, null), new GoBlock(5, "chan receive", 1));
        assertEquals(List.of(5L), state().channel(1).recvq());

        add(new ChanSend(1, 2, "x", -1, 5), new WaiterDequeue(1, 5, false));

        assertEquals(new VisualState.Channel(1, "", 0, false, List.of(), 0, 0, 0, false, List.of(), List.of(), new VisualState.Delivery(5, "x", true)),
                state().channel(1));
    }

    @Test
    void waitQueuesKeepArrivalOrderAndASelectThatLostLeavesTheMiddle() {
        add(new ChanMake(1, 0));
        add(new WaiterEnqueue(1, 2, true, "p"), new WaiterEnqueue(1, 3, true, "q"), new WaiterEnqueue(1, 4, true, "r"));
        add(new WaiterDequeue(1, 3, true));
        assertEquals(List.of(new Waiter(2, "p"), new Waiter(4, "r")), state().channel(1).sendq());

        add(new WaiterEnqueue(1, 7, false, null), new WaiterEnqueue(1, 8, false, null), new WaiterDequeue(1, 7, false));
        assertEquals(List.of(8L), state().channel(1).recvq());
    }

    @Test
    void closeMarksTheChannelAndAReceiveOfNothingChangesNoSlot() {
        add(new ChanMake(1, 1), new ChanSend(1, 2, "last", 0, 0), new ChanClose(1, 2));
        assertTrue(state().channel(1).closed());

        add(new ChanRecv(1, 3, "last", true, 0, 0), new ChanRecv(1, 3, null, false, -1, 0));
        assertEquals(new VisualState.Channel(1, "", 1, false, slots((String) null), 0, 0, 0, true, List.of(), List.of(), new VisualState.Delivery(3, "", false)),
                state().channel(1));
    }

    @Test
    void aChannelMadeBeforeTracingLearnsItsSlotsFromWhatItSees() {
        add(new ChanSend(9, 2, "v", 1, 0));

        assertEquals(slots(null, "v"), state().channel(9).slots());
    }

    // ---------------------------------------------------------------- select

    @Test
    void aSelectIsUndecidedUntilACaseIsChosen() {
        add(new SelectBegin(2, 3, false), new GoBlock(2, "select", 0));
        assertEquals(new Select(3, false, Select.UNDECIDED), state().goroutine(2).select());

        add(new GoUnblock(2, 4), new SelectChosen(2, 1));
        assertEquals(new Select(3, false, 1), state().goroutine(2).select());

        add(new SelectBegin(2, 2, true), new SelectChosen(2, -1));
        assertEquals(new Select(2, true, -1), state().goroutine(2).select(), "-1: the default");

        add(new GoBlock(2, "chan receive", 1));
        assertNull(state().goroutine(2).select(), "blocking on something else forgets the select");
    }

    // ---------------------------------------------------------------- contexts, timers, locks, clock

    @Test
    void contextsFormATreeAndCancellationCarriesErrAndCause() {
        add(new CtxCreate(1, 0, "WithCancel", -1, "root"), new CtxCreate(2, 1, "WithTimeout", 5_000, null),
                new CtxCreate(3, 2, "WithValue", -1, "k=v"), new CtxCreate(4, 1, "WithCancelCause", -1, null));
        assertEquals(List.of(2L, 4L), state().context(1).children());
        assertEquals(List.of(3L), state().context(2).children());

        add(new CtxCancel(2, "context deadline exceeded", "context deadline exceeded"),
                new CtxCancel(3, "context deadline exceeded", "context deadline exceeded"));

        assertEquals(new VisualState.Context(2, 1, "WithTimeout", null, 0, 5_000, true, "context deadline exceeded",
                "context deadline exceeded", List.of(3L)), state().context(2));
        assertTrue(state().context(3).cancelled());
        assertFalse(state().context(1).cancelled());
        assertFalse(state().context(4).cancelled());
    }

    @Test
    void backgroundIsTheImplicitRootOfTheTree() {
        add(new CtxCreate(1, -1, "WithTimeout", 100, null), new CtxCreate(2, -1, "WithCancel", -1, null));

        assertEquals(new VisualState.Context(-1, 0, "Background", "context.Background", 0, -1, false, null, null,
                List.of(1L, 2L)), state().context(-1));
        assertEquals(-1, state().contexts().getFirst().id(), "sorted by id, the roots first");
    }

    @Test
    void timersStartStopAndFireOnceOrEveryPeriod() {
        add(new TimerStart(1, 100, 0), new TimerStart(2, 50, 50), new TimerStart(3, 70, 0));
        atNanos(100).add(new TimerFire(1), new TimerFire(2), new TimerStop(3));

        assertEquals(new VisualState.Timer(1, 100, 0, false, 1), state().timer(1));
        assertEquals(new VisualState.Timer(2, 100, 50, true, 1), state().timer(2));
        assertEquals(new VisualState.Timer(3, 70, 0, false, 0), state().timer(3));

        add(new TimerStart(3, 300, 0));
        assertTrue(state().timer(3).active(), "a reset timer is active again");
    }

    @Test
    void theClockFollowsEventsAndJumps() {
        atNanos(5).add(new GoCreate(1, 0, "main"));
        assertEquals(5, state().nanos());

        add(new ClockAdvance(2_000_000_000L));
        assertEquals(2_000_000_000L, state().nanos());
        assertEquals(2, state().seq());
    }

    @Test
    void locksListHoldersAndWaitersInOrder() {
        add(new LockAcquire(1, 2, "Mutex"), new LockWait(1, 3, "Mutex"), new LockWait(1, 4, "Mutex"));
        assertEquals(new VisualState.Lock(1, List.of(new VisualState.LockUse(2, "Mutex")),
                List.of(new VisualState.LockUse(3, "Mutex"), new VisualState.LockUse(4, "Mutex"))), state().lock(1));

        add(new LockRelease(1, 2, "Mutex"), new LockAcquire(1, 3, "Mutex"));
        assertEquals(new VisualState.Lock(1, List.of(new VisualState.LockUse(3, "Mutex")),
                List.of(new VisualState.LockUse(4, "Mutex"))), state().lock(1));

        add(new LockAcquire(2, 5, "RWMutex.R"), new LockAcquire(2, 6, "RWMutex.R"), new LockWait(2, 7, "RWMutex.W"));
        assertEquals(2, state().lock(2).holders().size(), "readers share an RWMutex");
    }

    // ---------------------------------------------------------------- output and the end

    @Test
    void outputLinesAreKeptInOrderAndAnEarlierStateSeesOnlyItsPrefix() {
        add(new Output(1, "a"), new Output(2, "b"), new GoCreate(3, 1, null), new Output(1, "c"));

        assertEquals(List.of(new Output(1, "a"), new Output(2, "b"), new Output(1, "c")), state().output());
        assertEquals(List.of(new Output(1, "a"), new Output(2, "b")), model.stateAt(3).output());
        assertThrows(IndexOutOfBoundsException.class, () -> model.stateAt(3).output().get(2));
    }

    @Test
    void deadlockLeaksAndExitAreKept() {
        add(new GoBlock(1, "chan receive", 1));
        assertNull(state().exit());

        add(new Deadlock("fatal error: all goroutines are asleep - deadlock!"), new Leak(4, "chan send"),
                new Exit(2, "fatal error: all goroutines are asleep - deadlock!"));

        assertEquals("fatal error: all goroutines are asleep - deadlock!", state().deadlock());
        assertEquals(List.of(new Leak(4, "chan send")), state().leaks());
        assertEquals(2, state().exit().status());
    }

    // ---------------------------------------------------------------- the model itself

    @Test
    void theStateBeforeAnyEventIsEmpty() {
        assertEquals(VisualState.empty(), model.stateAt(0));
        assertEquals(0, model.latest().seq());
    }

    @Test
    void anEventOutOfSequenceIsRefused() {
        add(new GoCreate(1, 0, "main"));

        assertThrows(IllegalArgumentException.class,
                () -> model.append(new Traced(3, 0, 0, -1, -1, null, new GoEnd(1))));
        assertThrows(IndexOutOfBoundsException.class, () -> model.stateAt(2));
        assertThrows(IndexOutOfBoundsException.class, () -> model.stateAt(-1));
    }

    @Test
    void latestIsTheSameStateUntilTheNextEvent() {
        add(new GoCreate(1, 0, "main"));
        assertSame(model.latest(), model.latest());

        add(new GoStart(1));
        assertEquals(2, model.latest().seq());
        assertEquals(model.latest(), model.stateAt(2));
    }

    @Test
    void aStateHandedOutNeverChangesAfterwards() {
        add(new ChanMake(1, 2), new ChanSend(1, 2, "a", 0, 0), new Output(1, "x"));
        VisualState before = state();
        List<Event> more = new ArrayList<>(List.of(new ChanSend(1, 2, "b", 1, 0), new Output(1, "y"),
                new RunqPush(0, 2, false)));
        more.forEach(this::add);

        assertEquals(slots("a", null), before.channel(1).slots());
        assertEquals(1, before.output().size());
        assertNull(before.processor(0));
    }
}
