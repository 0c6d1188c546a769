package loomlab.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time.Ticker}: sends the time on {@link #C} every period. A slow receiver misses
 * ticks rather than queueing them; {@link #stop()} does not close {@code C}. Made by
 * {@link Time#newTicker}.
 */
public final class Ticker {
    /** Go's {@code t.C}. */
    public final RecvChan<Instant> C;
    private final TimerCore core;

    Ticker(TimerCore core) {
        this.core = core;
        this.C = core.chan;
    }

    /** Go's {@code t.Stop()}: no more ticks; no stale tick can be received afterwards. */
    public void stop() {
        core.stop();
    }

    /** Go's {@code t.Reset(d)}: ticks every {@code d} from now; panics for {@code d <= 0}. */
    public void reset(Duration d) {
        long nanos = d.toNanos();
        if (nanos <= 0) {
            throw new Panic("non-positive interval for Ticker.Reset");
        }
        core.reset(nanos, nanos);
    }
}
