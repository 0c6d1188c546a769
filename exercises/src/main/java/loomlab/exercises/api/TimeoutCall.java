package loomlab.exercises.api;

import java.time.Duration;
import java.util.function.Supplier;

/** Exercise {@code call-with-timeout}: wait for an answer, but not longer than a deadline. */
public interface TimeoutCall {
    /**
     * Starts {@code call} in its own goroutine and returns its answer if it comes within
     * {@code timeout}; otherwise returns {@code fallback} when the timeout expires.
     */
    String callWithTimeout(Supplier<String> call, Duration timeout, String fallback);
}
