package loomlab.exercises.grading;

import loomlab.lessons.Text;

/**
 * One run of a check's body under one schedule. Goroutines of the run call {@link #fail} when a
 * property does not hold; the first failure is kept even if the learner's code catches the
 * exception it throws.
 */
public final class Run {
    private final long seed;
    /** Written once, by the first goroutine that fails; read after the run has ended. */
    private volatile Violation violation;

    Run(long seed) {
        this.seed = seed;
    }

    /** The seed of this deterministic schedule, or -1 in a real parallel run. */
    public long seed() {
        return seed;
    }

    /** Ends the run: the check fails with {@code why}. Declared to return so that {@code throw run.fail(...)} reads well. */
    public Violation fail(Text why) {
        Violation v = new Violation(why);
        synchronized (this) {
            if (violation == null) {
                violation = v;
            }
        }
        throw v;
    }

    /** Fails with {@code why} unless {@code holds}. */
    public void expect(boolean holds, Text why) {
        if (!holds) {
            fail(why);
        }
    }

    /** The first failure of this run, or null. */
    Violation violation() {
        return violation;
    }
}
