package loomlab.exercises.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;
import loomlab.engine.Time;
import loomlab.engine.events.EventListener;
import loomlab.engine.events.Trace;
import loomlab.engine.events.TraceWriter;
import loomlab.engine.events.Traced;
import loomlab.lessons.Text;

/**
 * Runs a check's body under many schedules and fails the check at the first run that fails.
 *
 * <h2>The runs</h2>
 * First {@link GradingSettings#seeds()} deterministic runs, seeds 1, 2, …: one goroutine at a
 * time, a seeded choice at every engine operation, the virtual clock. They find the interleavings
 * that break code, and each can be replayed exactly. Then {@link GradingSettings#parallelRuns()}
 * real runs on two processors (still on the virtual clock, so that timings the body checks stay
 * exact): they catch code that only real parallelism breaks, e.g. a plain {@code int} counter.
 *
 * <h2>Saving the failing run</h2>
 * Deterministic runs are not recorded: recording costs time on every run and nearly all pass. A
 * failing seed is run once more with a {@link TraceWriter} listening; the same seed gives the same
 * run, so the file shows the failure. A parallel run cannot be repeated, so it is recorded in
 * memory as it goes and written only if it fails. A run that never ends is not saved.
 *
 * <h2>Runs that never end</h2>
 * Each run starts on a daemon thread of its own; the check waits for it up to what is left of
 * {@link GradingSettings#timeLimit()}. A run past that is abandoned (a spinning virtual thread
 * cannot be stopped inside a JVM): the check fails, and in a child JVM the grading process ends
 * soon after, taking the thread with it.
 */
public final class Schedules {
    /**
     * Virtual time the body waits after it returns, before goroutines still alive count as left
     * behind: goroutines that were about to end get to end.
     */
    private static final Duration SETTLE = Duration.ofMillis(1);
    /** Real time a failing seed's recording may take beyond the check's limit (it ran once already). */
    private static final Duration RECORDING_GRACE = Duration.ofSeconds(5);
    private static final Text REPLAY = new Text("Replay the saved run to watch it happen, step by step.",
            "重放保存下来的这次运行，可以一步一步看到它是怎么发生的。");
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private final GradingSession session;
    private final String check;
    private int seeds;
    private int parallelRuns;
    private boolean leftoversAllowed;

    Schedules(GradingSession session, String check) {
        this.session = session;
        this.check = check;
        this.seeds = session.settings().seeds();
        this.parallelRuns = session.settings().parallelRuns();
    }

    /**
     * Goroutines still alive after the body do not fail this check. For checks about something
     * else, so that one mistake costs one check: the check named "no goroutine left behind" judges
     * leaks.
     */
    public Schedules leftoversAllowed() {
        leftoversAllowed = true;
        return this;
    }

    /** Fewer deterministic schedules than the settings say, for a check whose runs are long. */
    public Schedules atMostSeeds(int n) {
        seeds = Math.max(1, Math.min(seeds, n));
        return this;
    }

    /** Runs {@code body} under every schedule; throws {@link CheckFailed} at the first failing run. */
    public void run(Body body) {
        Duration limit = session.settings().timeLimit();
        long deadline = System.nanoTime() + limit.toNanos();
        for (long seed = 1; seed <= seeds; seed++) {
            Attempt a = attempt(body, RunMode.DETERMINISTIC, seed, null, deadline);
            if (a.timedOut) {
                throw new CheckFailed(Phrase.lines(underSchedule(seed), Outcomes.timedOut(limit)), seed, null);
            }
            if (a.failure != null) {
                Path saved = recordDeterministic(body, seed, deadline + RECORDING_GRACE.toNanos());
                Text where = saved == null ? underSchedule(seed) : Phrase.lines(underSchedule(seed), REPLAY);
                throw new CheckFailed(Phrase.lines(where, a.failure), seed, saved);
            }
        }
        for (int k = 1; k <= parallelRuns; k++) {
            List<Traced> events = Collections.synchronizedList(new ArrayList<>());
            Attempt a = attempt(body, RunMode.REAL, -1, events::add, deadline);
            if (a.timedOut) {
                throw new CheckFailed(Phrase.lines(inParallelRun(k), Outcomes.timedOut(limit)), -1, null);
            }
            if (a.failure != null) {
                Path saved = save(new Trace(metadata(RunMode.REAL, -1), events), "parallel-" + k);
                throw new CheckFailed(Phrase.lines(inParallelRun(k), a.failure), -1, saved);
            }
        }
    }

    private Text underSchedule(long seed) {
        return Phrase.of("Failed under schedule %d of %d (seed %d).", "在第 %d 个调度（共 %d 个，种子 %d）下失败。",
                seed, seeds, seed);
    }

    private Text inParallelRun(int k) {
        return Phrase.of("Passed all %d deterministic schedules, but failed in real parallel run %d of %d "
                        + "(2 processors at once).",
                "%d 个确定性调度全部通过，但在第 %d 次真实并行运行（共 %d 次，2 个处理器同时运行）中失败。",
                seeds, k, parallelRuns);
    }

    // ---------------------------------------------------------------- one run

    /** How one run went: {@code failure} null and {@code timedOut} false means it passed. */
    private record Attempt(Text failure, boolean timedOut) {
    }

    private Attempt attempt(Body body, RunMode mode, long seed, EventListener listener, long deadline) {
        Run run = new Run(seed);
        Runtime.Builder settings = Runtime.builder().mode(mode).procs(2).clock(ClockMode.VIRTUAL)
                .out(DISCARD).err(DISCARD);
        if (mode == RunMode.DETERMINISTIC) {
            settings.seed(seed);
        }
        if (listener != null) {
            settings.events(listener);
        }
        Runtime runtime = settings.build();
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("loomlab-grading-" + check).start(() -> {
            try {
                result.complete(runtime.start(() -> main(body, run)));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            RunResult r = result.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Attempt(Outcomes.failure(r, run, leftoversAllowed), false);
        } catch (TimeoutException e) {
            return new Attempt(null, true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the engine failed to run check " + check, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        }
    }

    /** The main goroutine: the body, then a moment for goroutines about to end. */
    private void main(Body body, Run run) {
        try {
            body.run(run);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!leftoversAllowed) {
            Time.sleep(SETTLE);
        }
    }

    // ---------------------------------------------------------------- saving failing runs

    /** Runs {@code seed} again with a trace writer listening; the file, or null if it cannot be written. */
    private Path recordDeterministic(Body body, long seed, long deadline) {
        Path file = file("seed-" + seed);
        if (file == null) {
            return null;
        }
        try (TraceWriter writer = TraceWriter.create(file, metadata(RunMode.DETERMINISTIC, seed))) {
            Attempt again = attempt(body, RunMode.DETERMINISTIC, seed, writer, deadline);
            if (again.timedOut) {
                return null; // the writer may still be receiving events: the file is not whole
            }
        } catch (IOException e) {
            return null;
        }
        return file;
    }

    private Path save(Trace trace, String which) {
        Path file = file(which);
        if (file == null) {
            return null;
        }
        try {
            TraceWriter.write(trace, file);
            return file;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code <runs>/<exercise>/<check>-<which>.trace}, its directory made; null if runs are not saved. */
    private Path file(String which) {
        Path dir = session.runsDir();
        if (dir == null) {
            return null;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return null;
        }
        return dir.resolve(check + "-" + which + ".trace");
    }

    private Map<String, String> metadata(RunMode mode, long seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Trace.PROGRAM, session.exerciseId() + ": " + check);
        m.put(Trace.MODE, mode.name().toLowerCase(Locale.ROOT));
        if (seed >= 0) {
            m.put(Trace.SEED, Long.toString(seed));
        }
        m.put(Trace.PROCS, mode == RunMode.DETERMINISTIC ? "1" : "2");
        m.put(Trace.CLOCK, "virtual");
        m.put("exercise", session.exerciseId());
        m.put("check", check);
        return m;
    }
}
