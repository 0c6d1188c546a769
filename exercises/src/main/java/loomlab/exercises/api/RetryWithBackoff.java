package loomlab.exercises.api;

import java.time.Duration;
import java.util.function.Supplier;
import loomlab.engine.Context;

/** Exercise {@code retry-with-backoff}: try again after each failure, waiting longer each time, unless called off. */
public interface RetryWithBackoff {
    /** The wait after the first failure; it doubles after each further failure. */
    Duration BASE = Duration.ofMillis(100);
    /** No wait is longer than this. */
    Duration CAP = Duration.ofSeconds(1);

    /**
     * Calls {@code attempt} at most {@code attempts} times ({@code attempts >= 1}), in the calling
     * goroutine. {@code attempt.get()} returns null on success, or the text of its error.
     * <ul>
     * <li>The first attempt is made at once. After the n-th failed attempt, if attempts remain,
     *     waits {@code BASE × 2^(n−1)}, but never longer than {@code CAP}, counted from the moment
     *     that attempt returned; then makes the next attempt.</li>
     * <li>Returns null as soon as an attempt succeeds, and makes no more attempts.</li>
     * <li>Returns the error of the last attempt as soon as it fails: no wait after the last one.</li>
     * <li>If {@code ctx} is done during a wait, returns {@code ctx.err().getMessage()} ("context
     *     canceled" or "context deadline exceeded") at once, and makes no more attempts.</li>
     * <li>Starts no goroutine that is still running when it returns.</li>
     * </ul>
     */
    String retry(Context ctx, int attempts, Supplier<String> attempt);
}
