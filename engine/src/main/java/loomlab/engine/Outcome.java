package loomlab.engine;

import java.util.List;

/** What ended a run. */
public sealed interface Outcome {

    /** {@code main} returned. */
    record Exited() implements Outcome {
    }

    /** An unrecovered panic in goroutine {@code goroutine}. */
    record Panicked(long goroutine, Object value, Throwable throwable) implements Outcome {
    }

    /** Go's {@code fatal error: <message>}, e.g. {@code go of nil func value}; not recoverable. */
    record Fatal(long goroutine, String message) implements Outcome {
    }

    /** Every goroutine was blocked and nothing could wake any of them. */
    record Deadlocked(List<GoroutineInfo> goroutines) implements Outcome {
    }
}
