package loomlab.exercises.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import loomlab.engine.Context;
import loomlab.engine.Select;
import loomlab.engine.Time;
import loomlab.exercises.api.FirstError;
import loomlab.exercises.api.FirstError.Task;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code first-error}. Tasks sleep on the virtual clock; a polite task also watches its
 * context and gives up with {@code ctx.err()} when it is done, as Go code does in a
 * {@code select}.
 */
@ExtendWith(GradingExtension.class)
public class FirstErrorChecks {
    private static final Duration FAILS_AT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofSeconds(10);

    /** Works for {@code d}, unless {@code ctx} is done first; counts itself in {@code ended} when it returns. */
    private static Task polite(Duration d, AtomicInteger ended) {
        return ctx -> {
            try {
                Select.select(
                        Select.recv(ctx.done(), () -> {
                            throw ctx.err();
                        }),
                        Select.recv(Time.after(d)));
            } finally {
                ended.incrementAndGet();
            }
        };
    }

    /** Works for {@code d} whatever happens, then fails with {@code error}. */
    private static Task failing(Duration d, Exception error, AtomicInteger ended) {
        return ctx -> {
            Time.sleep(d);
            ended.incrementAndGet();
            throw error;
        };
    }

    /** Works for {@code d} whatever happens, then succeeds. */
    private static Task stubborn(Duration d, AtomicInteger ended) {
        return ctx -> {
            Time.sleep(d);
            ended.incrementAndGet();
        };
    }

    @Test
    void returnsNullWhenEveryTaskSucceeds(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            FirstError subject = grading.create(FirstError.class);
            AtomicInteger ended = new AtomicInteger();
            List<Task> tasks = List.of(polite(Duration.ofMillis(10), ended), polite(Duration.ofMillis(30), ended),
                    stubborn(Duration.ofMillis(20), ended));
            Exception err = subject.runAll(Context.background(), tasks);
            run.expect(err == null, Phrase.of("Every task succeeded, yet runAll returned the error %s.",
                    "所有任务都成功了，runAll 却返回了错误 %s。", err));
            run.expect(ended.get() == tasks.size(), Phrase.of("%d of %d tasks ran to their end.",
                    "%d 个任务（共 %d 个）运行到了结束。", ended.get(), tasks.size()));
        });
    }

    @Test
    void returnsTheFirstError(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            FirstError subject = grading.create(FirstError.class);
            AtomicInteger ended = new AtomicInteger();
            Exception first = new Exception("disk full (at 50ms)");
            Exception second = new Exception("timeout (at 80ms)");
            Exception err = subject.runAll(Context.background(), List.of(
                    stubborn(Duration.ofMillis(100), ended),
                    failing(FAILS_AT, first, ended),
                    failing(Duration.ofMillis(80), second, ended)));
            run.expect(err == first, Phrase.of(
                    "The first task to fail failed with \"%s\", a later one with \"%s\"; runAll should return the "
                            + "first error itself, but returned %s.",
                    "最先失败的任务返回了 \"%s\"，之后的一个返回了 \"%s\"；runAll 应当返回第一个错误本身，但它返回了 %s。",
                    first.getMessage(), second.getMessage(), Items.quoted(err == null ? null : err.getMessage())));
        });
    }

    @Test
    void theFirstErrorCancelsTheOthers(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            FirstError subject = grading.create(FirstError.class);
            AtomicInteger ended = new AtomicInteger();
            Instant start = Time.now();
            subject.runAll(Context.background(), List.of(
                    polite(LONG, ended), failing(FAILS_AT, new Exception("bad input"), ended), polite(LONG, ended)));
            Duration took = Time.since(start);
            run.expect(took.compareTo(FAILS_AT) <= 0, Phrase.of(
                    "One task failed after %s; the two others would take %s unless told to stop, and they stop as "
                            + "soon as the context they were given is done. runAll returned only after %s: "
                            + "the others were never told to stop.",
                    "有一个任务在 %s 后失败了；另外两个如果不被叫停要运行 %s，而只要传给它们的 context 结束，它们就会立刻停下。"
                            + "runAll 却在 %s 后才返回：其他任务从没有被叫停。",
                    Time.format(FAILS_AT), Time.format(LONG), Time.format(took)));
        });
    }

    @Test
    void waitsForEveryTask(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            FirstError subject = grading.create(FirstError.class);
            AtomicInteger ended = new AtomicInteger();
            List<Task> tasks = List.of(failing(FAILS_AT, new Exception("bad input"), ended),
                    stubborn(Duration.ofMillis(200), ended), polite(LONG, ended));
            subject.runAll(Context.background(), tasks);
            run.expect(ended.get() == tasks.size(), Phrase.of(
                    "runAll returned while %d of %d tasks were still running. It must wait for every task, "
                            + "even after an error: a task still running may be using what the caller frees next.",
                    "runAll 返回时，%d 个任务（共 %d 个）还在运行。即使出了错，它也必须等所有任务结束："
                            + "还在运行的任务可能正在使用调用方接下来要释放的东西。",
                    tasks.size() - ended.get(), tasks.size()));
        });
    }

    @Test
    void theTasksRunAtTheSameTime(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            FirstError subject = grading.create(FirstError.class);
            AtomicInteger ended = new AtomicInteger();
            Duration each = Duration.ofMillis(100);
            Instant start = Time.now();
            subject.runAll(Context.background(), List.of(polite(each, ended), polite(each, ended), polite(each, ended)));
            Duration took = Time.since(start);
            run.expect(took.compareTo(each) <= 0, Phrase.of(
                    "Three tasks of %s each took %s in all: they ran one after another, not at the same time.",
                    "三个各需 %s 的任务总共用了 %s：它们是一个接一个运行的，而不是同时运行。",
                    Time.format(each), Time.format(took)));
        });
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> {
            FirstError subject = grading.create(FirstError.class);
            AtomicInteger ended = new AtomicInteger();
            subject.runAll(Context.background(), List.of(failing(FAILS_AT, new Exception("bad input"), ended),
                    stubborn(Duration.ofMillis(200), ended), polite(LONG, ended)));
        });
    }
}
