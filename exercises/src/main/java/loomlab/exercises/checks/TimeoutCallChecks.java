package loomlab.exercises.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import loomlab.engine.Time;
import loomlab.exercises.api.TimeoutCall;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import loomlab.exercises.grading.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code call-with-timeout}. The timeout is 500 ms of virtual time; a fast call answers
 * after 100 ms, a slow one after 2 s. Virtual time makes the timings exact: a correct
 * {@code select} returns at exactly 100 ms or exactly 500 ms.
 */
@ExtendWith(GradingExtension.class)
public class TimeoutCallChecks {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration FAST = Duration.ofMillis(100);
    private static final Duration SLOW = Duration.ofSeconds(2);
    private static final String ANSWER = "answer";
    private static final String FALLBACK = "fallback";

    /** What one call saw: the value returned, when, and how often the call ran. */
    private record Called(String value, Duration after, int calls) {
    }

    private static Called call(Grading grading, Duration callTakes) {
        TimeoutCall subject = grading.create(TimeoutCall.class);
        AtomicInteger calls = new AtomicInteger();
        Instant start = Time.now();
        String value = subject.callWithTimeout(() -> {
            calls.incrementAndGet();
            Time.sleep(callTakes);
            return ANSWER;
        }, TIMEOUT, FALLBACK);
        return new Called(value, Time.since(start), calls.get());
    }

    @Test
    void aFastAnswerIsReturned(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Called c = call(grading, FAST);
            run.expect(ANSWER.equals(c.value()), Phrase.of(
                    "The call answered \"%s\" after %s, well within the timeout of %s, but callWithTimeout returned \"%s\".",
                    "调用在 %2$s 后就给出了答案 \"%1$s\"，远在 %3$s 的超时之前，但 callWithTimeout 返回的是 \"%4$s\"。",
                    ANSWER, Time.format(FAST), Time.format(TIMEOUT), c.value()));
        });
    }

    @Test
    void aFastAnswerIsReturnedAtOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Called c = call(grading, FAST);
            run.expect(c.after().compareTo(FAST) <= 0, Phrase.of(
                    "The call answered after %s, but callWithTimeout returned only after %s: "
                            + "it should return as soon as the answer arrives, not wait out the timeout.",
                    "调用在 %s 后就有了答案，但 callWithTimeout 直到 %s 后才返回：答案一到就应当返回，而不是等到超时。",
                    Time.format(FAST), Time.format(c.after())));
        });
    }

    @Test
    void aSlowAnswerGivesTheFallbackAtTheTimeout(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Called c = call(grading, SLOW);
            run.expect(FALLBACK.equals(c.value()), Phrase.of(
                    "The call needed %s, longer than the timeout of %s, so callWithTimeout should have returned "
                            + "\"%s\"; it returned \"%s\".",
                    "调用需要 %s，超过了 %s 的超时，所以 callWithTimeout 应当返回 \"%s\"；它却返回了 \"%s\"。",
                    Time.format(SLOW), Time.format(TIMEOUT), FALLBACK, c.value()));
            run.expect(c.after().equals(TIMEOUT), Phrase.of(
                    "callWithTimeout returned after %s; with a timeout of %s it should return after exactly %s.",
                    "callWithTimeout 在 %s 后返回；超时为 %s 时，它应当恰好在 %s 后返回。",
                    Time.format(c.after()), Time.format(TIMEOUT), Time.format(TIMEOUT)));
        });
    }

    @Test
    void theCallIsMadeOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            expectOneCall(run, call(grading, FAST));
            expectOneCall(run, call(grading, SLOW));
        });
    }

    private static void expectOneCall(Run run, Called c) {
        run.expect(c.calls() == 1, Phrase.of("callWithTimeout ran the call %d times; it should run it exactly once.",
                "callWithTimeout 执行了 %d 次调用；应当恰好执行一次。", c.calls()));
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> {
            call(grading, SLOW);
            Time.sleep(SLOW); // by now the slow call has answered, and its goroutine should be gone
        });
    }
}
