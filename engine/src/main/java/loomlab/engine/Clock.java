package loomlab.engine;

import java.time.Instant;

/**
 * The time of one run. Engine code reads time only here: never {@code System.nanoTime()} or
 * {@code Thread.sleep} directly, so that a virtual clock can stand in for the real one.
 * {@link #nanos()} is monotonic, in nanoseconds since the run started.
 */
abstract sealed class Clock permits Clock.Real, Clock.Virtual {
    /** Where a virtual clock starts, as in Go's synctest bubbles (SYN-02). */
    static final Instant VIRTUAL_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    /** The clock outside any run. */
    static final Clock SYSTEM = new Real();

    abstract long nanos();

    abstract Instant epoch();

    abstract ClockMode mode();

    final Instant now() {
        return epoch().plusNanos(nanos());
    }

    /** Wall-clock time; the timer thread sleeps in real time. */
    static final class Real extends Clock {
        private final long origin = System.nanoTime();
        private final Instant epoch = Instant.now();

        @Override
        long nanos() {
            return System.nanoTime() - origin;
        }

        @Override
        Instant epoch() {
            return epoch;
        }

        @Override
        ClockMode mode() {
            return ClockMode.REAL;
        }

        /** {@code Time.sleep} outside any run: a plain real-time sleep of the calling thread. */
        static void sleepOutsideRun(long nanos) {
            long deadline = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
        }
    }

    /** Time that moves only when {@link TimerQueue} advances it: when every goroutine is blocked. */
    static final class Virtual extends Clock {
        /** Written only by the thread that advances time, under the timer queue's lock. */
        private volatile long now;

        @Override
        long nanos() {
            return now;
        }

        void advanceTo(long nanos) {
            if (nanos > now) {
                now = nanos;
            }
        }

        @Override
        Instant epoch() {
            return VIRTUAL_EPOCH;
        }

        @Override
        ClockMode mode() {
            return ClockMode.VIRTUAL;
        }
    }
}
