package loomlab.exercises.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import loomlab.engine.Time;
import loomlab.exercises.api.InOrder;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import loomlab.exercises.grading.Run;
import loomlab.exercises.grading.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code in-order}. The work the learner's code is given returns {@code "r<n>"} for input
 * {@code n} and, in the timed scenarios, sleeps {@code n × 10ms} of virtual time first. The inputs
 * are out of order on purpose, so the calls finish in another order than the inputs': 1, 2, …, 8.
 * In the untimed scenario the work takes no time, and the order the calls finish in is the
 * scheduler's choice, different under different seeds. Each call notes when it started and
 * returned, so the checks can assert exact virtual times.
 */
@ExtendWith(GradingExtension.class)
public class InOrderChecks {
    private static final List<Integer> INPUTS = List.of(3, 8, 1, 6, 4, 7, 2, 5);
    /** One call far slower than the others (500ms), to catch a wait that guesses how long the work takes. */
    private static final List<Integer> ONE_SLOW = List.of(5, 50, 1);
    private static final Duration UNIT = Duration.ofMillis(10);
    /** How long a check waits after mapAll has returned, so that calls it did not wait for are seen too. */
    private static final Duration AFTERWARDS = Duration.ofSeconds(10);

    private static String resultOf(int input) {
        return "r" + input;
    }

    private static List<String> expected(List<Integer> inputs) {
        return inputs.stream().map(InOrderChecks::resultOf).toList();
    }

    /** One call of work: its input, and when it started and returned, counted from the call of mapAll. */
    private record Call(int input, Duration start, Duration end) {
    }

    /**
     * What one call of mapAll did: the list it returned (copied the moment it returned; null if it
     * returned null), when it returned, the calls of work in the order they returned, and how often
     * each input was worked on.
     */
    private record Mapped(List<String> results, Duration returnedAt, List<Call> calls, Tally<Integer> tally) {
        Duration lastEnd() {
            return calls.stream().map(Call::end).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        }

        /** The results of the calls, in the order the calls returned. */
        List<String> finishOrder() {
            return calls.stream().map(c -> resultOf(c.input())).toList();
        }
    }

    /**
     * Calls mapAll; if {@code afterwards}, then waits {@link #AFTERWARDS} so that calls still
     * running when it returned are counted too.
     */
    private static Mapped map(Grading grading, List<Integer> inputs, boolean timed, boolean afterwards) {
        InOrder subject = grading.create(InOrder.class);
        Instant t0 = Time.now();
        Tally<Integer> tally = new Tally<>();
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        IntFunction<String> work = n -> {
            Duration start = Time.since(t0);
            tally.add(n);
            if (timed) {
                Time.sleep(UNIT.multipliedBy(n));
            }
            calls.add(new Call(n, start, Time.since(t0)));
            return resultOf(n);
        };
        List<String> returned = subject.mapAll(inputs, work);
        Duration at = Time.since(t0);
        List<String> results = returned == null ? null : new ArrayList<>(returned);
        if (afterwards) {
            Time.sleep(AFTERWARDS);
        }
        List<Call> seen;
        synchronized (calls) {
            seen = List.copyOf(calls);
        }
        return new Mapped(results, at, seen, tally);
    }

    private static String times(List<Duration> ds) {
        return ds.stream().map(Time::format).toList().toString();
    }

    @Test
    void resultsAreInTheOrderOfTheInputs(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Mapped instant = map(grading, INPUTS, false, true);
            run.expect(expected(INPUTS).equals(instant.results()), Phrase.of(
                    "Here work took no time, so the calls returned in whatever order the scheduler ran their "
                            + "goroutines: %s. mapAll(%s) should return %s (result i is work(inputs.get(i))), "
                            + "but it returned %s.",
                    "这里 work 不花时间，所以各次调用按调度器运行它们所在 goroutine 的顺序返回，这次是 %s。"
                            + "mapAll(%s) 应当返回 %s（第 i 个结果是 work(inputs.get(i))），实际却返回了 %s。",
                    instant.finishOrder(), INPUTS, expected(INPUTS), instant.results()));
            Mapped timed = map(grading, INPUTS, true, true);
            run.expect(expected(INPUTS).equals(timed.results()), Phrase.of(
                    "Here work(n) took n × 10ms, so the calls returned in the order %s. mapAll(%s) should return "
                            + "%s (result i is work(inputs.get(i))), but it returned %s.",
                    "这里 work(n) 要花 n × 10ms，所以各次调用按 %s 的顺序返回。mapAll(%s) 应当返回 %s"
                            + "（第 i 个结果是 work(inputs.get(i))），实际却返回了 %s。",
                    timed.finishOrder(), INPUTS, expected(INPUTS), timed.results()));
        });
    }

    @Test
    void eachInputIsWorkedOnExactlyOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Mapped m = map(grading, INPUTS, true, true);
            Map<Integer, Integer> wrong = m.tally().notExactlyOnce(INPUTS);
            run.expect(wrong.isEmpty(), Phrase.lines(Phrase.of(
                    "mapAll(%s) should call work once for each of the %d inputs, but (counting until %s after it "
                            + "returned) work was called for:",
                    "mapAll(%s) 应当为 %d 个输入各调用一次 work，但是（一直数到它返回后 %s）work 被调用的情况是：",
                    INPUTS, INPUTS.size(), Time.format(AFTERWARDS)),
                    Items.counts("input", "输入", wrong)));
        });
    }

    @Test
    void theCallsRunAtTheSameTime(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Mapped m = map(grading, INPUTS, true, true);
            List<Call> byStart = m.calls().stream().sorted(Comparator.comparing(Call::start)).toList();
            List<Duration> starts = byStart.stream().map(Call::start).toList();
            Duration longest = UNIT.multipliedBy(Collections.max(INPUTS));
            Duration sum = UNIT.multipliedBy(INPUTS.stream().mapToInt(Integer::intValue).sum());
            run.expect(starts.stream().allMatch(Duration::isZero), Phrase.of(
                    "Here work(n) took n × 10ms. The %d calls of mapAll(%s) should all start at once, at 0s, and run "
                            + "at the same time, so that together they take as long as the longest one, %s. But they "
                            + "started at %s, and the last one returned at %s (one after another they take %s).",
                    "这里 work(n) 要花 n × 10ms。mapAll(%2$s) 的 %1$d 次调用应当在 0s 同时开始、同时运行，这样总共只花最长的那次调用的时间 %3$s。"
                            + "但它们开始的时间是 %4$s，最后一次调用在 %5$s 才返回（一个接一个地调用要花 %6$s）。",
                    INPUTS.size(), INPUTS, Time.format(longest), times(starts), Time.format(m.lastEnd()),
                    Time.format(sum)));
        });
    }

    @Test
    void returnsTheMomentTheLastCallReturns(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            expectReturnOnTime(run, map(grading, ONE_SLOW, true, true), ONE_SLOW);
            expectReturnOnTime(run, map(grading, INPUTS, true, true), INPUTS);
            Mapped none = map(grading, List.of(), true, true);
            run.expect(none.results() != null && none.results().isEmpty() && none.returnedAt().isZero(), Phrase.of(
                    "mapAll([]) has no call to wait for: it should return an empty list at once. It returned %s "
                            + "after %s.",
                    "mapAll([]) 没有任何调用需要等待：它应当立即返回一个空列表。它却在 %2$s 后返回了 %1$s。",
                    none.results(), Time.format(none.returnedAt())));
        });
    }

    private static void expectReturnOnTime(Run run, Mapped m, List<Integer> inputs) {
        Duration last = m.lastEnd();
        if (m.returnedAt().compareTo(last) < 0) {
            List<String> running = m.calls().stream().filter(c -> c.end().compareTo(m.returnedAt()) > 0)
                    .map(c -> "work(" + c.input() + ")").toList();
            run.fail(Phrase.of(
                    "Here work(n) took n × 10ms. mapAll(%s) returned %s at %s, while these calls were still running: "
                            + "%s. The last call returned only at %s. mapAll must wait until every call has returned.",
                    "这里 work(n) 要花 n × 10ms。mapAll(%s) 在 %3$s 返回了 %2$s，而这时这些调用还在运行：%4$s。最后一次调用到 %5$s 才返回。"
                            + "mapAll 必须等到每一次调用都返回之后才能返回。",
                    inputs, m.results(), Time.format(m.returnedAt()), String.join(", ", running),
                    Time.format(last)));
        }
        run.expect(m.returnedAt().equals(last), Phrase.of(
                "Here work(n) took n × 10ms. The last call of mapAll(%s) returned at %s, but mapAll returned only "
                        + "at %s, %s later. It should return the moment the last call returns.",
                "这里 work(n) 要花 n × 10ms。mapAll(%s) 的最后一次调用在 %s 就返回了，mapAll 却到 %s 才返回，晚了 %s。"
                        + "最后一次调用一返回，它就应当立即返回。",
                inputs, Time.format(last), Time.format(m.returnedAt()), Time.format(m.returnedAt().minus(last))));
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> {
            map(grading, INPUTS, true, false);
            map(grading, List.of(), true, false);
        });
    }
}
