package loomlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import loomlab.engine.events.Event;
import loomlab.engine.events.Trace;
import loomlab.engine.events.TraceReader;
import loomlab.exercises.grading.GradingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliberately wrong solutions fail the check that names their mistake, and say so. */
class WrongSolutionsTest {
    @TempDir
    Path runs;

    private GradeReport grade(String exercise, String wrong) {
        return Graded.grade(exercise, Graded.wrong(exercise, wrong), runs);
    }

    private static CheckResult check(GradeReport report, String id) {
        return report.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void oneWorkerTooManyFailsOnlyTheLimitWithSeedHintAndATraceOfTheRun() throws IOException {
        GradeReport report = grade("worker-pool", "one-worker-too-many");

        assertEquals(List.of("neverMoreThanThreeWorkersAtOnce"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "neverMoreThanThreeWorkersAtOnce");
        assertTrue(c.seed() >= 1, "a deterministic schedule failed");
        assertTrue(c.message().en().startsWith("Failed under schedule " + c.seed() + " of 8 (seed " + c.seed() + ")."),
                c.message().en());
        assertTrue(c.message().en().contains("At one moment 4 jobs were being worked on at the same time; "
                + "a pool of 3 workers may work on at most 3."), c.message().en());
        assertEquals(ExerciseCatalog.checks("worker-pool").get(1).hint(), c.hint());
        assertEquals(5.0 / 6, report.score(), 1e-9);

        assertEquals(runs.resolve("worker-pool").resolve("neverMoreThanThreeWorkersAtOnce-seed-" + c.seed() + ".trace"),
                c.failingRun());
        Trace trace = TraceReader.read(c.failingRun());
        assertEquals(Long.toString(c.seed()), trace.metadata().get(Trace.SEED));
        assertEquals("deterministic", trace.metadata().get(Trace.MODE));
        assertEquals("worker-pool: neverMoreThanThreeWorkersAtOnce", trace.metadata().get(Trace.PROGRAM));
        assertTrue(trace.events().stream().anyMatch(t -> t.event() instanceof Event.GoPanic),
                "the run ends where the property broke: the check's failure ends it as a panic");
    }

    @Test
    void aGoroutinePerJobHasNoLimitAndNoBackpressure() {
        GradeReport report = grade("worker-pool", "goroutine-per-job");

        assertEquals(List.of("neverMoreThanThreeWorkersAtOnce", "takesAJobOnlyWhenAWorkerIsFree"),
                Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "takesAJobOnlyWhenAWorkerIsFree").message().en()
                .contains("the pool had taken 9 jobs it had not finished"), Graded.describe(report));
    }

    @Test
    void forgettingToCloseFailsOnlyTheClosedCheck() {
        GradeReport report = grade("worker-pool", "never-closes");

        assertEquals(List.of("resultsChannelIsClosedOnceAfterTheLastResult"), Graded.failedChecks(report),
                Graded.describe(report));
        assertTrue(check(report, "resultsChannelIsClosedOnceAfterTheLastResult").message().en()
                .contains("The results channel was never closed"));
    }

    @Test
    void closingFromEveryWorkerIsAPanicExplainedToTheLearner() {
        GradeReport report = grade("worker-pool", "each-worker-closes");

        CheckResult c = check(report, "resultsChannelIsClosedOnceAfterTheLastResult");
        assertFalse(c.passed());
        String en = c.message().en();
        assertTrue(en.contains("panicked"), en);
        assertTrue(en.contains("panic: send on closed channel") || en.contains("panic: close of closed channel"), en);
        assertTrue(en.contains("Close a channel only after every send on it has finished")
                || en.contains("A channel was closed twice"), en);
    }

    @Test
    void aRacyCounterIsCaughtBySomeSchedule() {
        GradeReport report = grade("worker-pool", "racy-counter");

        CheckResult c = check(report, "resultsChannelIsClosedOnceAfterTheLastResult");
        assertFalse(c.passed(), Graded.describe(report));
        assertTrue(c.seed() >= 1);
        assertTrue(c.message().en().contains("(seed " + c.seed() + ")"));
    }

    @Test
    void waitingBeforeReturningIsADeadlockWithGoDump() {
        GradeReport report = grade("worker-pool", "waits-before-returning");

        assertEquals(6, Graded.failedChecks(report).size(), Graded.describe(report));
        String en = check(report, "everyJobIsProcessedExactlyOnce").message().en();
        assertTrue(en.contains("Deadlock: every goroutine was blocked"), en);
        assertTrue(en.contains("fatal error: all goroutines are asleep - deadlock!"), en);
        assertTrue(en.contains("[sync.WaitGroup.Wait]"), en);
        String zh = check(report, "everyJobIsProcessedExactlyOnce").message().zh();
        assertTrue(zh.contains("死锁") && zh.contains("all goroutines are asleep"), zh);
    }

    @Test
    void anUnbufferedAnswerLeaksItsGoroutineAfterATimeout() throws IOException {
        GradeReport report = grade("call-with-timeout", "unbuffered-answer");

        assertEquals(List.of("noGoroutineIsLeftBehind"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "noGoroutineIsLeftBehind");
        assertTrue(c.message().en().contains("1 goroutine(s) were still alive"), c.message().en());
        assertTrue(c.message().en().contains("[chan send]"), c.message().en());
        assertTrue(c.message().en().contains("Deadline.lambda$callWithTimeout$0(Deadline.java:16)"), c.message().en());
        assertTrue(c.hint().en().contains("Chan.make(1)"));
        assertFalse(TraceReader.read(c.failingRun()).events().stream()
                .noneMatch(t -> t.event() instanceof Event.Leak), "the trace shows the leak");
    }

    @Test
    void sleepingOutTheTimeoutIsTooSlowForAFastAnswer() {
        GradeReport report = grade("call-with-timeout", "sleeps-then-looks");

        assertEquals(List.of("aFastAnswerIsReturnedAtOnce"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "aFastAnswerIsReturnedAtOnce").message().en()
                .contains("The call answered after 100ms, but callWithTimeout returned only after 500ms"));
    }

    @Test
    void aFanInThatNeverClosesFailsOnlyTheClosedCheck() {
        GradeReport report = grade("fan-in", "never-closes");

        assertEquals(List.of("outputIsClosedOnceAfterEveryInputIsDrained"), Graded.failedChecks(report),
                Graded.describe(report));
    }

    @Test
    void aGoroutinePerValueLosesTheOrderOfAnInput() {
        GradeReport report = grade("fan-in", "goroutine-per-value");

        assertEquals(List.of("eachInputKeepsItsOrder"), Graded.failedChecks(report), Graded.describe(report));
    }

    @Test
    void tasksGivenTheParentContextAreNeverCanceled() {
        GradeReport report = grade("first-error", "parent-context");

        assertEquals(List.of("theFirstErrorCancelsTheOthers"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "theFirstErrorCancelsTheOthers").message().en()
                .contains("runAll returned only after 10s: the others were never told to stop."),
                Graded.describe(report));
    }

    @Test
    void theRetryStarterRetriesAtAFixedPaceAndSleepsThroughACancel() {
        GradeReport report = Graded.grade("retry-with-backoff", Graded.exercise("retry-with-backoff").starter(), null);

        assertEquals(List.of("theAttemptsFollowTheBackoff", "noWaitIsLongerThanTheCap", "aCanceledContextEndsTheWaitAtOnce"),
                Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "theAttemptsFollowTheBackoff").message().en().contains(
                "they should be made at [0s, 100ms, 300ms, 700ms] (waits of 100ms, 200ms and 400ms), "
                        + "but they were made at [0s, 100ms, 200ms, 300ms]."), Graded.describe(report));
    }

    @Test
    void doublingOnceTooOftenGetsTheAttemptTimesWrong() {
        GradeReport report = grade("retry-with-backoff", "doubles-too-soon");

        assertEquals(List.of("theAttemptsFollowTheBackoff"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "theAttemptsFollowTheBackoff").message().en()
                .contains("but they were made at [0s, 200ms, 600ms, 1.4s]."), Graded.describe(report));
    }

    @Test
    void aBackoffWithoutACapWaitsTooLong() {
        GradeReport report = grade("retry-with-backoff", "no-cap");

        assertEquals(List.of("noWaitIsLongerThanTheCap"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "noWaitIsLongerThanTheCap").message().en()
                .contains("the wait after failure 5 was 1.6s, longer than the cap of 1s."), Graded.describe(report));
    }

    @Test
    void aShiftThatOverflowsStopsWaitingInALongOutage() {
        GradeReport report = grade("retry-with-backoff", "shift-overflows");

        assertEquals(List.of("noWaitIsLongerThanTheCap"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "noWaitIsLongerThanTheCap");
        assertTrue(c.message().en().contains("the wait after failure 38 was 0s. 100ms doubled 37 times is more than "
                + "the cap, so from there on every wait should be the cap itself, 1s."), c.message().en());
        assertTrue(c.message().zh().contains("第 38 次失败后等待了 0s"), c.message().zh());
        assertTrue(c.hint().en().contains("`BASE.toNanos() << n` turns negative after 37 doublings"), c.hint().en());
    }

    @Test
    void anEarlierErrorReturnedAfterASuccessFailsOnlyTheSuccessCheck() {
        GradeReport report = grade("retry-with-backoff", "keeps-an-earlier-error");

        assertEquals(List.of("successStopsTheRetries"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "successStopsTheRetries").message().en().contains(
                "Attempt 3 succeeded (it returned null) at 300ms, so retry should return null right then, after 3 "
                        + "attempt(s) in all. It returned \"error of attempt 2\" after 300ms"), Graded.describe(report));
    }

    @Test
    void waitingAfterTheLastFailureDelaysTheError() {
        GradeReport report = grade("retry-with-backoff", "waits-after-the-last");

        assertEquals(List.of("theLastErrorIsReturnedAtOnce"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "theLastErrorIsReturnedAtOnce").message().en().contains(
                "The last attempt failed at 700ms, but retry returned only at 1.5s, 800ms later."), Graded.describe(report));
    }

    @Test
    void aBackoffWithTimeSleepOutlastsTheCancel() {
        GradeReport report = grade("retry-with-backoff", "sleeps-through-cancel");

        assertEquals(List.of("aCanceledContextEndsTheWaitAtOnce"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "aCanceledContextEndsTheWaitAtOnce");
        assertTrue(c.message().en().contains("The context was canceled at 250ms, while retry was waiting between two "
                + "attempts; retry returned after 300ms."), c.message().en());
        assertTrue(c.message().zh().contains("context 在 250ms 时被取消，当时 retry 正在两次尝试之间等待；"
                + "retry 却在 300ms 后才返回。"), c.message().zh());
    }

    @Test
    void aGoroutineThatSleepsOutTheBackoffIsLeftBehindByACancel() {
        GradeReport report = grade("retry-with-backoff", "sleeping-goroutine");

        assertEquals(List.of("noGoroutineIsLeftBehind"), Graded.failedChecks(report), Graded.describe(report));
        String en = check(report, "noGoroutineIsLeftBehind").message().en();
        assertTrue(en.contains("1 goroutine(s) were still alive"), en);
        assertTrue(en.contains("[sleep]") && en.contains("Retrier.lambda$retry$0(Retrier.java:22)"), en);
    }

    @Test
    void theLoggerStarterMakesEveryCallerWriteItself() {
        GradeReport report = Graded.grade("async-logger", Graded.exercise("async-logger").starter(), null);

        assertEquals(List.of("debugNeverWaits", "auditRecordsAreNeverDropped", "theDroppedCountIsExact",
                "oneWriterWritesInTheOrderAccepted"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "auditRecordsAreNeverDropped").message().en().contains(
                "audit(\"audit 1\") took 50ms although the queue of 2 had room for it."), Graded.describe(report));
    }

    @Test
    void aDebugLineThatWaitsForRoomBlocksTheCallerAndIsNeverDropped() {
        GradeReport report = grade("async-logger", "debug-waits");

        assertEquals(List.of("debugNeverWaits", "theDroppedCountIsExact"), Graded.failedChecks(report),
                Graded.describe(report));
        assertTrue(check(report, "debugNeverWaits").message().en().contains("debug call number 2 took 50ms."),
                Graded.describe(report));
        assertTrue(check(report, "theDroppedCountIsExact").message().en().contains(
                "into a queue of 2; 30 of them were written. At most 3 fit"), Graded.describe(report));
    }

    @Test
    void anAuditThatGivesUpWhenTheQueueIsFullLosesRecords() {
        GradeReport report = grade("async-logger", "audit-drops-too");

        assertEquals(List.of("auditRecordsAreNeverDropped"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "auditRecordsAreNeverDropped").message().en().contains(
                "Every audit record must be written exactly once, but:\nrecord audit "), Graded.describe(report));
    }

    @Test
    void anAuditThatWaitsIsNotADrop() {
        GradeReport report = grade("async-logger", "counts-waiting-audits");

        assertEquals(List.of("theDroppedCountIsExact"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "theDroppedCountIsExact").message().en().contains(
                "One caller logged 8 debug lines with 4 audit records between them;"), Graded.describe(report));
    }

    @Test
    void aCallerThatWritesItsOwnAuditRecordIsASecondWriter() {
        GradeReport report = grade("async-logger", "audit-written-by-the-caller");

        assertEquals(List.of("oneWriterWritesInTheOrderAccepted"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "oneWriterWritesInTheOrderAccepted").message().en().contains(
                "records were being written at the same time."), Graded.describe(report));
    }

    @Test
    void aCloseThatDoesNotWaitLeavesRecordsUnwritten() {
        GradeReport report = grade("async-logger", "close-does-not-wait");

        assertEquals(List.of("closeWritesEverythingBeforeItReturns"), Graded.failedChecks(report),
                Graded.describe(report));
        assertTrue(check(report, "closeWritesEverythingBeforeItReturns").message().en().contains(
                "but the writer was still at work: it wrote [audit 1.2, audit 1.3, audit 1.4] after that."),
                Graded.describe(report));
    }

    @Test
    void aQueueThatIsNeverClosedLeavesItsWriterBehind() {
        GradeReport report = grade("async-logger", "close-never-closes-the-queue");

        assertEquals(List.of("noGoroutineIsLeftBehind"), Graded.failedChecks(report), Graded.describe(report));
        String en = check(report, "noGoroutineIsLeftBehind").message().en();
        assertTrue(en.contains("1 goroutine(s) were still alive"), en);
        assertTrue(en.contains("[chan receive]") && en.contains("BackgroundLogger.lambda$start$0"), en);
    }

    @Test
    void theCacheStarterHoldsItsLockWhileLoadingSoEveryGetWaits() {
        GradeReport report = Graded.grade("loading-cache", Graded.exercise("loading-cache").starter(), null);

        assertEquals(List.of("differentKeysLoadAtTheSameTime", "aCachedKeyIsReturnedAtOnce"), Graded.failedChecks(report),
                Graded.describe(report));
        assertTrue(check(report, "differentKeysLoadAtTheSameTime").message().en().contains(
                "but none should take longer than one load, 100ms: [a: 100ms, b: 100ms, c: 100ms, d: 150ms]."),
                Graded.describe(report));
        assertTrue(check(report, "aCachedKeyIsReturnedAtOnce").message().en().contains(
                "get(\"a\") at 120ms took 80ms."), Graded.describe(report));
    }

    @Test
    void oneValueFieldForEveryKeyGivesAKeyTheValueOfAnother() {
        GradeReport report = grade("loading-cache", "one-value-field");

        assertEquals(List.of("everyGetReturnsTheLoadersValue"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "everyGetReturnsTheLoadersValue");
        assertTrue(c.message().en().contains("Called one after another: get(\"a\"), get(\"b\"), get(\"a\"). The last, "
                + "get(\"a\"), returned \"value of b\", but the loader gives \"value of a\" for that key."), c.message().en());
        assertTrue(c.message().zh().contains("依次调用了 get(\"a\")、get(\"b\")、get(\"a\")。最后一次 get(\"a\") 返回了 "
                + "\"value of b\"，但对这个键，loader 给出的是 \"value of a\"。"), c.message().zh());
    }

    @Test
    void oneOnceForTheWholeCacheLoadsOnlyTheFirstKey() {
        GradeReport report = grade("loading-cache", "one-once");

        assertEquals(List.of("everyGetReturnsTheLoadersValue", "eachKeyIsLoadedExactlyOnce"),
                Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "eachKeyIsLoadedExactlyOnce").message().en().contains("key b: 0 times"),
                Graded.describe(report));
    }

    @Test
    void lookingUpAndPuttingInUnderTwoLocksLoadsAKeyTwice() {
        GradeReport report = grade("loading-cache", "two-lock-sections");

        assertEquals(List.of("eachKeyIsLoadedExactlyOnce"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "eachKeyIsLoadedExactlyOnce").message().en().contains(
                "Each key must be loaded exactly once, but the loader was called for:\nkey "), Graded.describe(report));
    }

    @Test
    void storingTheValueOnlyAfterTheLoadMakesEveryoneLoadIt() {
        GradeReport report = grade("loading-cache", "stores-after-loading");

        assertEquals(List.of("eachKeyIsLoadedExactlyOnce", "callersOfAKeyBeingLoadedWaitForIt"),
                Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "eachKeyIsLoadedExactlyOnce").message().en().contains(
                "key a: 6 times; key b: 6 times; key c: 6 times"), Graded.describe(report));
        assertTrue(check(report, "callersOfAKeyBeingLoadedWaitForIt").message().en().contains(
                "get(\"a\") was called at 10ms, while \"a\" was being loaded (that load ran from 0s to 100ms). "
                        + "It returned \"value of a\" at 110ms."), Graded.describe(report));
    }

    @Test
    void pollingForTheValueWakesUpLate() {
        GradeReport report = grade("loading-cache", "polls");

        assertEquals(List.of("callersOfAKeyBeingLoadedWaitForIt"), Graded.failedChecks(report), Graded.describe(report));
        String en = check(report, "callersOfAKeyBeingLoadedWaitForIt").message().en();
        assertTrue(Pattern.compile("It returned \"value of a\" at 1[01]\\dms\\. It should wait for that load and return "
                + "its value, \"value of a\", the moment the load ends: at 100ms\\.").matcher(en).find(), en);
    }

    @Test
    void aCallerThatDoesNotWaitGetsNull() {
        GradeReport report = grade("loading-cache", "does-not-wait");

        assertEquals(List.of("callersOfAKeyBeingLoadedWaitForIt"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "callersOfAKeyBeingLoadedWaitForIt");
        assertTrue(c.message().en().contains("get(\"a\") was called at 10ms, while \"a\" was being loaded (that load "
                + "ran from 0s to 100ms). It returned null at 10ms."), c.message().en());
        assertTrue(c.message().zh().contains("get(\"a\") 在 10ms 被调用，当时 \"a\" 正在加载（这次加载从 0s 持续到 100ms）。"
                + "它在 10ms 返回了 null。"), c.message().zh());
    }

    @Test
    void loadingUnderTheLockMakesDifferentKeysTakeTurns() {
        GradeReport report = grade("loading-cache", "loads-under-the-lock");

        assertEquals(List.of("differentKeysLoadAtTheSameTime"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "differentKeysLoadAtTheSameTime").message().en().contains(
                "The load of one key must not wait for the load of another."), Graded.describe(report));
    }

    @Test
    void waitingForALoadWhileHoldingTheLockHoldsUpACachedKey() {
        GradeReport report = grade("loading-cache", "waits-holding-the-lock");

        assertEquals(List.of("aCachedKeyIsReturnedAtOnce"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "aCachedKeyIsReturnedAtOnce").message().en().contains(
                "get(\"a\") at 120ms took 80ms. \"a\" was in the cache; at that moment \"b\" was being loaded "
                        + "(since 100ms), and two more goroutines had been waiting for it since 110ms."),
                Graded.describe(report));
    }

    @Test
    void anOwnerGoroutineWithoutACloseIsLeftBehind() {
        GradeReport report = grade("loading-cache", "owner-goroutine");

        assertEquals(List.of("noGoroutineIsLeftBehind"), Graded.failedChecks(report), Graded.describe(report));
        String en = check(report, "noGoroutineIsLeftBehind").message().en();
        assertTrue(en.contains("1 goroutine(s) were still alive"), en);
        assertTrue(en.contains("[chan receive]") && en.contains("Cache.lambda$start$"), en);
    }

    @Test
    void theInOrderStarterCollectsTheResultsInTheOrderTheyArrive() {
        GradeReport report = Graded.grade("in-order", Graded.exercise("in-order").starter(), null);

        assertEquals(List.of("resultsAreInTheOrderOfTheInputs"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "resultsAreInTheOrderOfTheInputs");
        assertTrue(c.message().en().contains("mapAll([3, 8, 1, 6, 4, 7, 2, 5]) should return "
                + "[r3, r8, r1, r6, r4, r7, r2, r5] (result i is work(inputs.get(i))), but it returned "), c.message().en());
        assertTrue(c.message().zh().contains("实际却返回了 ["), c.message().zh());
    }

    @Test
    void callingTheWorkOneAfterAnotherAddsUpTheTimes() {
        GradeReport report = grade("in-order", "one-after-another");

        assertEquals(List.of("theCallsRunAtTheSameTime"), Graded.failedChecks(report), Graded.describe(report));
        CheckResult c = check(report, "theCallsRunAtTheSameTime");
        assertTrue(c.message().en().contains("But they started at [0s, 30ms, 110ms, 120ms, 180ms, 220ms, 290ms, 310ms], "
                + "and the last one returned at 360ms (one after another they take 360ms)."), c.message().en());
        assertTrue(c.message().zh().contains("但它们开始的时间是 [0s, 30ms, 110ms, 120ms, 180ms, 220ms, 290ms, 310ms]，"
                + "最后一次调用在 360ms 才返回"), c.message().zh());
    }

    @Test
    void sleepingInsteadOfWaitingReturnsBeforeASlowCall() {
        GradeReport report = grade("in-order", "sleeps-instead-of-waiting");

        assertEquals(List.of("returnsTheMomentTheLastCallReturns"), Graded.failedChecks(report), Graded.describe(report));
        assertTrue(check(report, "returnsTheMomentTheLastCallReturns").message().en().contains(
                "mapAll([5, 50, 1]) returned [r5, null, r1] at 100ms, while these calls were still running: work(50). "
                        + "The last call returned only at 500ms."), Graded.describe(report));
    }

    @Test
    void goroutinesSharingOneIndexWorkOnSomeInputsTwiceAndOthersNever() {
        GradeReport report = grade("in-order", "shared-index");

        assertEquals(List.of("resultsAreInTheOrderOfTheInputs", "eachInputIsWorkedOnExactlyOnce"),
                Graded.failedChecks(report), Graded.describe(report));
        String en = check(report, "eachInputIsWorkedOnExactlyOnce").message().en();
        assertTrue(en.contains("mapAll([3, 8, 1, 6, 4, 7, 2, 5]) should call work once for each of the 8 inputs, "
                + "but (counting until 10s after it returned) work was called for:\ninput "), en);
        assertTrue(en.contains(": 0 times"), en);
    }

    @Test
    void aCollectorRangingOverAChannelNobodyClosesIsLeftBehind() {
        GradeReport report = grade("in-order", "collector-never-ends");

        assertEquals(List.of("noGoroutineIsLeftBehind"), Graded.failedChecks(report), Graded.describe(report));
        String en = check(report, "noGoroutineIsLeftBehind").message().en();
        assertTrue(en.contains("goroutine(s) were still alive"), en);
        assertTrue(en.contains("[chan receive]") && en.contains("ParallelMap.lambda$mapAll$"), en);
    }

    @Test
    void messagesAndHintsAreInChineseToo() {
        GradeReport report = Graded.grade("worker-pool", Graded.wrong("worker-pool", "never-closes"), runs);

        CheckResult c = check(report, "resultsChannelIsClosedOnceAfterTheLastResult");
        assertTrue(c.message().zh().startsWith("在第 " + c.seed() + " 个调度（共 8 个，种子 " + c.seed() + "）下失败。"),
                c.message().zh());
        assertTrue(c.message().zh().contains("结果 channel 一直没有关闭"), c.message().zh());
        assertTrue(c.hint().zh().contains("WaitGroup"), c.hint().zh());
        assertEquals("结果 channel 在最后一个结果之后关闭，且只关闭一次", c.name().zh());
        assertEquals(c.message().zh(), c.message().in(Locale.CHINESE));
    }

    @Test
    void codeThatNeverBlocksFailsOnTheTimeLimit() {
        GradingSettings oneSecond = new GradingSettings(1, 0, Duration.ofSeconds(1));
        GradeReport report = Grader.grade(Graded.exercise("worker-pool"), Graded.wrong("worker-pool", "spins"),
                Locale.ENGLISH, runs, oneSecond);

        assertEquals(6, Graded.failedChecks(report).size());
        CheckResult c = report.checks().getFirst();
        assertTrue(c.message().en().contains("The check did not finish within 1 seconds of real time"), c.message().en());
        assertEquals(1, c.seed());
        assertNull(c.failingRun(), "a run that never ended is not saved");
    }

    @Test
    void aSubmissionThatDoesNotCompileReportsTheCompilersMessagesAndNoChecks() {
        GradeReport report = grade("worker-pool", "does-not-compile");

        assertNotNull(report.compileError());
        assertTrue(report.checks().isEmpty());
        assertEquals(0.0, report.score());
        assertFalse(report.passed());
        String en = report.compileError().en();
        assertTrue(en.startsWith("BoundedPool.java:9: error: ';' expected"), en);
        assertTrue(en.contains("Chan<Integer> results = Chan.make()\n"), en);
        assertTrue(report.compileError().zh().startsWith("BoundedPool.java:9: 错误: "), report.compileError().zh());
    }

    @Test
    void aClassThatDoesNotImplementTheInterfaceIsToldSo() {
        String source = "public class BoundedPool { }";
        GradeReport report = Graded.grade("worker-pool", source, null);

        assertTrue(report.checks().stream().noneMatch(CheckResult::passed));
        assertTrue(report.checks().getFirst().message().en().contains(
                "Your class BoundedPool must implement loomlab.exercises.api.WorkerPool"), Graded.describe(report));
    }

    @Test
    void runsAreSavedOnlyWhenThereIsADirectory() throws IOException {
        GradeReport report = Graded.grade("worker-pool", Graded.wrong("worker-pool", "never-closes"), null);

        assertTrue(report.checks().stream().allMatch(c -> c.failingRun() == null));
        try (var files = Files.list(runs)) {
            assertEquals(0, files.count());
        }
    }
}
