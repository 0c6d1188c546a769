package loomlab.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time.Timer}, with Go 1.23 semantics: its channel {@link #C} looks unbuffered
 * ({@code len} and {@code cap} are 0), and after {@link #stop()} or {@link #reset} returns no stale
 * value can be received. Made by {@link Time#newTimer} or {@link Time#afterFunc}.
 */
public final class Timer {
    /** Go's {@code t.C}: receives the scheduled time once; null for a timer made by {@code afterFunc}. */
    public final RecvChan<Instant> C;
    private final TimerCore core;

    Timer(TimerCore core) {
        this.core = core;
        this.C = core.chan;
    }

    /**
     * Go's {@code t.Stop()}: prevents the timer from firing. True if this call stopped it; false if
     * it had already fired and its value was received (or its function started), or was stopped.
     */
    public boolean stop() {
        return core.stop();
    }

    /** Go's {@code t.Reset(d)}: sets the timer to fire after {@code d}; true if it had been active. */
    public boolean reset(Duration d) {
        return core.reset(d.toNanos(), 0);
    }
}
