package loomlab.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Go's {@code time} package, on the clock of the current run: real, or virtual (then a program
 * that sleeps five minutes finishes in milliseconds, with exact timings).
 */
public final class Time {
    private Time() {
    }

    /** Go's {@code time.Sleep(d)}: returns at once for {@code d <= 0} (TM-01); wait reason {@code sleep}. */
    public static void sleep(Duration d) {
        Runtime.switchPoint();
        long nanos = d.toNanos();
        if (nanos <= 0) {
            return;
        }
        Goroutine g = Goroutine.current();
        if (g == null) {
            Clock.Real.sleepOutsideRun(nanos);
            return;
        }
        Runtime rt = g.runtime;
        Waiter self = new Waiter(g, null, null);
        RuntimeTimer timer = new RuntimeTimer((t, when, gen) -> self.ready());
        boolean allAsleep = rt.timers.scheduleAndPark(timer, rt.clock.nanos() + nanos, g, WaitReason.SLEEP);
        Runtime.parkOrDeadlock(g, allAsleep);
        self.await();
        Runtime.running(g);
    }

    /** {@code sleep(Duration.ofMillis(millis))}. */
    public static void sleepMillis(long millis) {
        sleep(Duration.ofMillis(millis));
    }

    /** Go's {@code time.Now()}: the run's clock (virtual time starts at 2000-01-01T00:00:00Z). */
    public static Instant now() {
        return clock().now();
    }

    /** Go's {@code time.Since(t)}. */
    public static Duration since(Instant t) {
        return Duration.between(t, now());
    }

    /** Go's {@code time.After(d)}: a channel that receives the time once, after {@code d}. */
    public static RecvChan<Instant> after(Duration d) {
        return timer("after", "time.After", d).C;
    }

    /** Go's {@code time.NewTimer(d)}. */
    public static Timer newTimer(Duration d) {
        return timer("newTimer", "timer.C", d);
    }

    /** A timer whose channel the views show as {@code chanName}. */
    private static Timer timer(String op, String chanName, Duration d) {
        TimerCore core = new TimerCore(runtime(op), Chan.timerChan(chanName), null);
        core.start(d.toNanos(), 0);
        return new Timer(core);
    }

    /** Go's {@code time.AfterFunc(d, f)}: runs {@code f} in its own goroutine after {@code d}; {@code C} is null. */
    public static Timer afterFunc(Duration d, Runnable f) {
        Objects.requireNonNull(f, "f");
        TimerCore core = new TimerCore(runtime("afterFunc"), null, f);
        core.start(d.toNanos(), 0);
        return new Timer(core);
    }

    /** Go's {@code time.NewTicker(d)}: panics {@code non-positive interval for NewTicker} for {@code d <= 0}. */
    public static Ticker newTicker(Duration d) {
        long nanos = d.toNanos();
        if (nanos <= 0) {
            throw new Panic("non-positive interval for NewTicker");
        }
        TimerCore core = new TimerCore(runtime("newTicker"), Chan.timerChan("ticker.C"), null);
        core.start(nanos, nanos);
        return new Ticker(core);
    }

    /** Go's {@code time.Tick(d)}: a ticker's channel, or a nil channel for {@code d <= 0} (TM-10). */
    public static RecvChan<Instant> tick(Duration d) {
        return d.toNanos() <= 0 ? Chan.nil() : newTicker(d).C;
    }

    /** Go's {@code Duration.String()}: {@code 1.5s}, {@code 300ms}, {@code 2m0s}, {@code 0s}. */
    public static String format(Duration d) {
        return GoDuration.format(d.toNanos());
    }

    private static Clock clock() {
        Goroutine g = Goroutine.current();
        return g == null ? Clock.SYSTEM : g.runtime.clock;
    }

    private static Runtime runtime(String what) {
        Goroutine g = Goroutine.current();
        if (g == null) {
            throw new IllegalStateException("Time." + what + " was called outside a LoomLab run; "
                    + "timers belong to a run: start the program with Runtime.run(main)");
        }
        return g.runtime;
    }
}
