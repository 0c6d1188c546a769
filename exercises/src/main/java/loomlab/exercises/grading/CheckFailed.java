package loomlab.exercises.grading;

import java.nio.file.Path;
import loomlab.lessons.Text;

/**
 * A check failed: thrown out of the check's test method to the Grader, which turns it into a
 * {@link loomlab.exercises.CheckResult}.
 */
public final class CheckFailed extends AssertionError {
    private final transient Text text;
    private final long seed;
    private final transient Path failingRun;

    /**
     * @param text       what failed, under which schedule, for the learner
     * @param seed       the seed of the failing deterministic schedule, or -1
     * @param failingRun the saved trace of the failing run, or null
     */
    public CheckFailed(Text text, long seed, Path failingRun) {
        super(text.en());
        this.text = text;
        this.seed = seed;
        this.failingRun = failingRun;
    }

    public Text text() {
        return text;
    }

    public long seed() {
        return seed;
    }

    public Path failingRun() {
        return failingRun;
    }
}
