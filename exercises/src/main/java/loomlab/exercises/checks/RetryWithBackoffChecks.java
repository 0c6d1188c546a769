package loomlab.exercises.checks;

import static loomlab.engine.Go.go;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import loomlab.engine.CancelContext;
import loomlab.engine.Context;
import loomlab.engine.Time;
import loomlab.exercises.api.RetryWithBackoff;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import loomlab.exercises.grading.Run;
import loomlab.lessons.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code retry-with-backoff}. An attempt takes no time: it notes when it was made, then
 * fails with "error of attempt n" (or, in one scenario, succeeds from the third attempt on). So
 * on the virtual clock the attempts of a correct retry are made at exactly 0, 100ms, 300ms,
 * 700ms, …, and every wait can be read off as the gap between two attempts.
 */
@ExtendWith(GradingExtension.class)
public class RetryWithBackoffChecks {
    private static final int ATTEMPTS = 4;
    /** A long outage: enough failures for the wait to reach the cap, and for a shift of the wait to overflow. */
    private static final int LONG_OUTAGE = 70;
    private static final Duration CANCEL_AT = Duration.ofMillis(250);
    private static final Duration DEADLINE = Duration.ofMillis(450);
    private static final int ALWAYS = Integer.MAX_VALUE;

    /** What one call of retry saw: what it returned, after how long, and when each attempt was made. */
    private record Retried(String value, Duration after, List<Duration> attempts) {
        Duration lastAttempt() {
            return attempts.isEmpty() ? Duration.ZERO : attempts.getLast();
        }
    }

    /** Calls retry with an attempt that fails {@code failures} times, then succeeds. */
    private static Retried retry(Grading grading, Context ctx, int attempts, int failures) {
        return retry(grading, ctx, attempts, failures, (n, waited) -> { });
    }

    /** Told of each wait as the attempt after it is made: the wait after failure {@code n}, and its length. */
    @FunctionalInterface
    private interface WaitWatch {
        void waited(int n, Duration waited);
    }

    private static Retried retry(Grading grading, Context ctx, int attempts, int failures, WaitWatch watch) {
        RetryWithBackoff subject = grading.create(RetryWithBackoff.class);
        Instant start = Time.now();
        List<Duration> made = Collections.synchronizedList(new ArrayList<>());
        Supplier<String> attempt = () -> {
            Duration now = Time.since(start);
            int n;
            synchronized (made) {
                made.add(now);
                n = made.size();
            }
            if (n > 1) {
                watch.waited(n - 1, now.minus(made.get(n - 2)));
            }
            return n <= failures ? "error of attempt " + n : null;
        };
        String value = subject.retry(ctx, attempts, attempt);
        return new Retried(value, Time.since(start), List.copyOf(made));
    }

    /** When the attempts should be made if all of them fail: 0, then after each wait. */
    private static List<Duration> expectedTimes(int attempts) {
        List<Duration> times = new ArrayList<>();
        Duration at = Duration.ZERO;
        for (int n = 1; n <= attempts; n++) {
            times.add(at);
            at = at.plus(expectedWait(n));
        }
        return times;
    }

    /** The wait after the n-th failure: BASE × 2^(n−1), at most CAP. */
    private static Duration expectedWait(int n) {
        Duration wait = RetryWithBackoff.BASE;
        for (int i = 1; i < n && wait.compareTo(RetryWithBackoff.CAP) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(RetryWithBackoff.CAP) < 0 ? wait : RetryWithBackoff.CAP;
    }

    private static String times(List<Duration> ds) {
        return ds.stream().map(Time::format).toList().toString();
    }

    @Test
    void theAttemptsFollowTheBackoff(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Retried r = retry(grading, Context.background(), ATTEMPTS, ALWAYS);
            List<Duration> expected = expectedTimes(ATTEMPTS);
            run.expect(r.attempts().equals(expected), Phrase.of(
                    "%d attempts were allowed and all failed. With a base of %s they should be made at %s "
                            + "(waits of 100ms, 200ms and 400ms), but they were made at %s.",
                    "允许 %d 次尝试，而且全部失败。基础等待为 %s 时，它们应当在 %s 进行（依次等待 100ms、200ms、400ms），"
                            + "实际却是在 %s 进行的。",
                    ATTEMPTS, Time.format(RetryWithBackoff.BASE), times(expected), times(r.attempts())));
        });
    }

    @Test
    void noWaitIsLongerThanTheCap(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Duration cap = RetryWithBackoff.CAP;
            Retried r = retry(grading, Context.background(), LONG_OUTAGE, ALWAYS, (n, waited) -> {
                run.expect(waited.compareTo(cap) <= 0, Phrase.of(
                        "In a long outage (%d attempts allowed, all failing), the wait after failure %d was %s, "
                                + "longer than the cap of %s.",
                        "在一次长时间的故障中（允许 %d 次尝试，全部失败），第 %d 次失败后等待了 %s，超过了 %s 的上限。",
                        LONG_OUTAGE, n, Time.format(waited), Time.format(cap)));
                run.expect(!expectedWait(n).equals(cap) || waited.equals(cap), Phrase.of(
                        "In a long outage (%d attempts allowed, all failing), the wait after failure %d was %s. %s "
                                + "doubled %d times is more than the cap, so from there on every wait should be the "
                                + "cap itself, %s.",
                        "在一次长时间的故障中（允许 %d 次尝试，全部失败），第 %d 次失败后等待了 %s。%s 翻倍 %d 次后已经超过了上限，"
                                + "所以从这里开始，每次都应当正好等待上限 %s。",
                        LONG_OUTAGE, n, Time.format(waited), Time.format(RetryWithBackoff.BASE), n - 1,
                        Time.format(cap)));
            });
            run.expect(r.attempts().size() == LONG_OUTAGE, Phrase.of(
                    "In a long outage (%d attempts allowed, all failing), retry made %d attempts.",
                    "在一次长时间的故障中（允许 %d 次尝试，全部失败），retry 进行了 %d 次尝试。",
                    LONG_OUTAGE, r.attempts().size()));
        });
    }

    @Test
    void successStopsTheRetries(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Retried first = retry(grading, Context.background(), ATTEMPTS, 0);
            expectSuccess(run, first, 1);
            Retried third = retry(grading, Context.background(), ATTEMPTS, 2);
            expectSuccess(run, third, 3);
        });
    }

    private static void expectSuccess(Run run, Retried r, int succeeding) {
        run.expect(r.attempts().size() >= succeeding, Phrase.of(
                "The first %d attempt(s) would fail and attempt %d would succeed, but retry made only %d attempt(s) "
                        + "and returned %s.",
                "前 %d 次尝试会失败，第 %d 次会成功，但 retry 只进行了 %d 次尝试，就返回了 %s。",
                succeeding - 1, succeeding, r.attempts().size(), Items.quoted(r.value())));
        Duration at = r.attempts().get(succeeding - 1);
        run.expect(r.value() == null && r.attempts().size() == succeeding && r.after().equals(at), Phrase.of(
                "Attempt %d succeeded (it returned null) at %s, so retry should return null right then, after %d "
                        + "attempt(s) in all. It returned %s after %s, having made %d attempt(s).",
                "第 %d 次尝试在 %s 成功了（返回了 null），所以 retry 应当立即返回 null，一共只进行 %d 次尝试。"
                        + "它却在 %5$s 后返回了 %4$s，一共进行了 %6$d 次尝试。",
                succeeding, Time.format(at), succeeding, Items.quoted(r.value()), Time.format(r.after()),
                r.attempts().size()));
    }

    @Test
    void theLastErrorIsReturnedAtOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            expectLastError(run, retry(grading, Context.background(), ATTEMPTS, ALWAYS));
            expectLastError(run, retry(grading, Context.background(), 1, ALWAYS));
        });
    }

    private static void expectLastError(Run run, Retried r) {
        String last = "error of attempt " + r.attempts().size();
        run.expect(last.equals(r.value()), Phrase.of(
                "The last attempt (attempt %d) failed with \"%s\", but retry returned %s.",
                "最后一次尝试（第 %d 次）失败，错误是 \"%s\"，但 retry 返回的是 %s。",
                r.attempts().size(), last, Items.quoted(r.value())));
        Duration late = r.after().minus(r.lastAttempt());
        run.expect(late.isZero(), Phrase.of(
                "The last attempt failed at %s, but retry returned only at %s, %s later. After the last "
                        + "failure there is nothing left to wait for: return its error at once.",
                "最后一次尝试在 %s 失败，retry 却到 %s 才返回，晚了 %s。最后一次失败之后已经没有什么可等的了："
                        + "应当立即返回它的错误。",
                Time.format(r.lastAttempt()), Time.format(r.after()), Time.format(late)));
    }

    @Test
    void aCanceledContextEndsTheWaitAtOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            CancelContext canceled = Context.withCancel(Context.background());
            go("canceler", () -> {
                Time.sleep(CANCEL_AT);
                canceled.cancel();
            });
            expectStopped(run, retry(grading, canceled, ATTEMPTS, ALWAYS), CANCEL_AT,
                    new Text("was canceled", "被取消"), Context.CANCELED.getMessage());
            CancelContext timed = Context.withTimeout(Context.background(), DEADLINE);
            expectStopped(run, retry(grading, timed, ATTEMPTS, ALWAYS), DEADLINE,
                    new Text("reached its deadline", "到了截止时间"), Context.DEADLINE_EXCEEDED.getMessage());
        });
    }

    /** {@code how}: what happened to the context, e.g. "was canceled" and "被取消". */
    private static void expectStopped(Run run, Retried r, Duration doneAt, Text how, String err) {
        run.expect(r.after().equals(doneAt), Phrase.of(
                "The context %1$s at %3$s, while retry was waiting between two attempts; retry returned after %4$s. "
                        + "The wait must end the moment ctx.done() is closed.",
                "context 在 %3$s 时%2$s，当时 retry 正在两次尝试之间等待；retry 却在 %4$s 后才返回。"
                        + "ctx.done() 一关闭，等待就必须立即结束。",
                how.en(), how.zh(), Time.format(doneAt), Time.format(r.after())));
        List<Duration> late = r.attempts().stream().filter(t -> t.compareTo(doneAt) >= 0).toList();
        run.expect(late.isEmpty(), Phrase.of(
                "The context %1$s at %3$s, yet retry made %4$d more attempt(s) after that, at %5$s.",
                "context 在 %3$s 时已经%2$s，retry 之后却又进行了 %4$d 次尝试，时间是 %5$s。",
                how.en(), how.zh(), Time.format(doneAt), late.size(), times(late)));
        run.expect(err.equals(r.value()), Phrase.of(
                "The context %1$s at %3$s, during a wait; retry should then return ctx.err().getMessage(), "
                        + "\"%4$s\", but it returned %5$s.",
                "context 在 %3$s 时%2$s，正处在等待中；这时 retry 应当返回 ctx.err().getMessage()，也就是 \"%4$s\"，"
                        + "它却返回了 %5$s。",
                how.en(), how.zh(), Time.format(doneAt), err, Items.quoted(r.value())));
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> {
            retry(grading, Context.background(), ATTEMPTS, 2);
            CancelContext ctx = Context.withCancel(Context.background());
            go("canceler", () -> {
                Time.sleep(CANCEL_AT);
                ctx.cancel();
            });
            retry(grading, ctx, ATTEMPTS, ALWAYS);
        });
    }
}
