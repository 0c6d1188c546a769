package loomlab.bench;

import static loomlab.engine.Go.go;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import loomlab.engine.ClockMode;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;
import loomlab.engine.Time;
import loomlab.engine.Timer;
import loomlab.engine.WaitGroup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Timers (issue 3): {@code count} pending timers, all started before any fires, then all fired.
 * Durations are distinct and in random order (a fixed-seed permutation), so the run's timer heap
 * really sorts them. One JMH op is one whole engine run; the score is milliseconds per run, so the
 * cost per timer is {@code 1e6 × score / count} ns.
 * <ul>
 * <li>{@code *Virtual}: {@link ClockMode#VIRTUAL}, durations 1 µs … {@code count} µs. Time jumps
 *     to the next timer whenever every goroutine is blocked, so the score is pure engine cost:
 *     the heap, the firing, the wake-up, the deadlock detector's "everyone asleep" hand-off.
 *     <ul>
 *     <li>{@code sleepVirtual}: {@code count} goroutines each {@code Time.sleep(d)}, then
 *         {@code wg.done()}; the driver waits on the {@link WaitGroup}.</li>
 *     <li>{@code newTimerVirtual}: the driver makes {@code count} {@code Time.newTimer(d)} and then
 *         receives from each {@code C} in creation order (most have fired by then; their value
 *         waits in the timer's channel).</li>
 *     <li>{@code afterFuncVirtual}: {@code count} {@code Time.afterFunc(d, wg::done)}; each firing
 *         starts a goroutine.</li>
 *     </ul></li>
 * <li>{@code *Real}: {@link ClockMode#REAL}, the same shapes with durations spread evenly over
 *     (0, {@value #REAL_WINDOW_MS} ms]. A timer thread that keeps up scores just over
 *     {@value #REAL_WINDOW_MS} ms; the excess is how far the last timer fired late (plus the
 *     setup of {@code count} timers).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class TimersBench {
    static final long REAL_WINDOW_MS = 100;

    @Param({"10000", "100000"})
    public int count;

    /** Distinct virtual durations, 1 µs apart, in random order. */
    private Duration[] virtualDurations;
    /** Distinct real durations spread over the window, in random order. */
    private Duration[] realDurations;

    @Setup(Level.Trial)
    public void durations() {
        int[] perm = new int[count];
        for (int i = 0; i < count; i++) {
            perm[i] = i;
        }
        Random rnd = new Random(42);
        for (int i = count - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        virtualDurations = new Duration[count];
        realDurations = new Duration[count];
        long window = TimeUnit.MILLISECONDS.toNanos(REAL_WINDOW_MS);
        for (int i = 0; i < count; i++) {
            virtualDurations[i] = Duration.ofNanos(1_000L * (perm[i] + 1));
            realDurations[i] = Duration.ofNanos(window * (perm[i] + 1) / count);
        }
    }

    // ---------------------------------------------------------------- virtual clock

    @Benchmark
    public long sleepVirtual() {
        return sleepers(ClockMode.VIRTUAL, virtualDurations);
    }

    @Benchmark
    public long newTimerVirtual() {
        return timers(ClockMode.VIRTUAL, virtualDurations);
    }

    @Benchmark
    public long afterFuncVirtual() {
        Duration[] ds = virtualDurations;
        return onEngine(ClockMode.VIRTUAL, () -> {
            WaitGroup wg = new WaitGroup();
            wg.add(ds.length);
            for (Duration d : ds) {
                Time.afterFunc(d, wg::done);
            }
            wg.await();
            return Time.now().getNano();
        });
    }

    // ---------------------------------------------------------------- real clock

    @Benchmark
    public long sleepReal() {
        return sleepers(ClockMode.REAL, realDurations);
    }

    @Benchmark
    public long newTimerReal() {
        return timers(ClockMode.REAL, realDurations);
    }

    // ---------------------------------------------------------------- shapes

    private static long sleepers(ClockMode mode, Duration[] ds) {
        return onEngine(mode, () -> {
            WaitGroup wg = new WaitGroup();
            wg.add(ds.length);
            for (Duration d : ds) {
                go(() -> {
                    Time.sleep(d);
                    wg.done();
                });
            }
            wg.await();
            return Time.now().getNano();
        });
    }

    private static long timers(ClockMode mode, Duration[] ds) {
        return onEngine(mode, () -> {
            Timer[] ts = new Timer[ds.length];
            for (int i = 0; i < ds.length; i++) {
                ts[i] = Time.newTimer(ds[i]);
            }
            long checksum = 0;
            for (Timer t : ts) {
                checksum += t.C.recv().getNano();
            }
            return checksum;
        });
    }

    /** {@link Driver#onEngine}, on the given clock. */
    private static long onEngine(ClockMode mode, LongSupplier main) {
        long[] checksum = new long[1];
        RunResult r = Runtime.builder().recordCreators(false).clock(mode).build()
                .start(() -> checksum[0] = main.getAsLong());
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("the engine run ended with status " + r.exitStatus() + ":\n" + r.report());
        }
        return checksum[0];
    }
}
