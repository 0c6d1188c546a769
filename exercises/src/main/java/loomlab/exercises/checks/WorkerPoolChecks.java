package loomlab.exercises.checks;

import static loomlab.engine.Go.go;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.exercises.api.WorkerPool;
import loomlab.exercises.grading.Drained;
import loomlab.exercises.grading.Gauge;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import loomlab.exercises.grading.Run;
import loomlab.exercises.grading.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code worker-pool}. Every check runs the same scenario: a producer hands jobs 1 to 9,
 * one at a time, to a pool of 3 workers over an unbuffered channel, then closes it; each job
 * takes 10 ms of (virtual) work and its result is its square. The checks differ in what they
 * look at.
 */
@ExtendWith(GradingExtension.class)
public class WorkerPoolChecks {
    private static final int WORKERS = 3;
    private static final int JOBS = 9;
    private static final Duration WORK = Duration.ofMillis(10);
    /** A pool whose results channel stays open this long (virtual time) never closes it. */
    private static final Duration PATIENCE = Duration.ofMinutes(1);
    /** Jobs handed over and not yet finished, at most: one per worker, one a worker holds, one on offer. */
    private static final int MAX_PENDING = WORKERS + 2;
    private static final List<Integer> ALL_JOBS = IntStream.rangeClosed(1, JOBS).boxed().toList();

    /** What one run of the scenario saw. */
    private record Seen(Drained<Integer> results, Tally<Integer> processed, Gauge working, Gauge pending) {
    }

    private static Seen runPool(Grading grading) {
        WorkerPool pool = grading.create(WorkerPool.class);
        Chan<Integer> jobs = Chan.make("jobs", 0);
        Tally<Integer> processed = new Tally<>();
        Gauge working = new Gauge();
        Gauge pending = new Gauge();
        go("producer", () -> {
            for (int job : ALL_JOBS) {
                pending.enter();
                jobs.send(job);
            }
            jobs.close();
        });
        var results = pool.process(jobs, WORKERS, job -> {
            processed.add(job);
            working.enter();
            Time.sleep(WORK);
            working.exit();
            pending.exit();
            return job * job;
        });
        return new Seen(Drained.drain(results, PATIENCE), processed, working, pending);
    }

    @Test
    void everyJobIsProcessedExactlyOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Seen seen = runPool(grading);
            Map<Integer, Integer> wrong = seen.processed().notExactlyOnce(ALL_JOBS);
            run.expect(wrong.isEmpty(), Phrase.lines(Phrase.of(
                    "Jobs 1 to %d were handed to the pool, but not each was worked on exactly once:",
                    "任务 1 到 %d 都交给了工作池，但并不是每个任务都恰好处理了一次：", JOBS),
                    Items.counts("job", "任务", wrong)));
            List<Integer> squares = ALL_JOBS.stream().map(j -> j * j).toList();
            run.expect(seen.results().values().stream().sorted().toList().equals(squares), Phrase.of(
                    "The results channel delivered %s; it should deliver the result of every job once: %s (in any order).",
                    "结果 channel 送出了 %s；它应当把每个任务的结果各送出一次：%s（顺序不限）。",
                    seen.results().values(), squares));
        });
    }

    @Test
    void neverMoreThanThreeWorkersAtOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Seen seen = runPool(grading);
            run.expect(seen.working().most() <= WORKERS, Phrase.of(
                    "At one moment %d jobs were being worked on at the same time; a pool of %d workers may work on at most %d.",
                    "某一时刻有 %d 个任务在同时处理；%d 个 worker 的工作池最多只能同时处理 %d 个。",
                    seen.working().most(), WORKERS, WORKERS));
        });
    }

    @Test
    void threeWorkersShareTheWork(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Seen seen = runPool(grading);
            List<Duration> arrivals = seen.results().arrivals();
            Duration took = arrivals.isEmpty() ? Duration.ZERO : arrivals.getLast();
            Duration expected = WORK.multipliedBy(JOBS / WORKERS);
            run.expect(arrivals.size() == JOBS, Phrase.of(
                    "Only %d of %d results arrived.", "只收到了 %d 个结果（共 %d 个）。", arrivals.size(), JOBS));
            run.expect(took.compareTo(expected) <= 0, Phrase.of(
                    "%d jobs of %s each, on %d workers, should all be done after %s; the last result came after %s. "
                            + "The workers did not work side by side.",
                    "%d 个任务，每个耗时 %s，由 %d 个 worker 处理，应该在 %s 后全部完成；但最后一个结果在 %s 后才到。"
                            + "这些 worker 没有并行工作。",
                    JOBS, Time.format(WORK), WORKERS, Time.format(expected), Time.format(took)));
        });
    }

    @Test
    void resultsChannelIsClosedOnceAfterTheLastResult(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Seen seen = runPool(grading);
            run.expect(seen.results().closed(), Phrase.of(
                    "The results channel was never closed: a reader that ranges over it would wait forever. "
                            + "(%d results arrived.)",
                    "结果 channel 一直没有关闭：用 for 循环读取它的一方会永远等下去。（收到了 %d 个结果。）",
                    seen.results().values().size()));
            run.expect(seen.results().values().size() == JOBS, Phrase.of(
                    "The results channel was closed after %d of %d results.",
                    "结果 channel 在收到 %d 个结果（共 %d 个）时就被关闭了。", seen.results().values().size(), JOBS));
        });
    }

    @Test
    void takesAJobOnlyWhenAWorkerIsFree(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Seen seen = runPool(grading);
            run.expect(seen.pending().most() <= MAX_PENDING, Phrase.of(
                    "At one moment the pool had taken %d jobs it had not finished. With %d workers it should take "
                            + "a job only when a worker is about to be free (at most %d pending): the producer must "
                            + "wait, and that waiting is the backpressure that protects memory.",
                    "某一时刻工作池手里有 %d 个已接收但未完成的任务。%d 个 worker 的工作池应当只在有 worker "
                            + "即将空闲时才接收任务（最多 %d 个待处理）：生产者必须等待，这种等待就是保护内存的背压。",
                    seen.pending().most(), WORKERS, MAX_PENDING));
        });
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> runPool(grading));
    }
}
