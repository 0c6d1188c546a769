package loomlab.exercises.grading;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a submission is tried.
 *
 * @param seeds        deterministic schedules per check (seeds 1 to {@code seeds})
 * @param parallelRuns real parallel runs per check after those (2 processors)
 * @param timeLimit    real time one check may take in all before it fails as "never finished"
 */
public record GradingSettings(int seeds, int parallelRuns, Duration timeLimit) {
    /** 100 schedules, 3 parallel runs, 20 seconds per check. */
    public static final GradingSettings DEFAULT = new GradingSettings(100, 3, Duration.ofSeconds(20));

    public GradingSettings {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, not " + seeds);
        }
        if (parallelRuns < 0) {
            throw new IllegalArgumentException("parallelRuns must not be negative, not " + parallelRuns);
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, not " + timeLimit);
        }
    }

    public GradingSettings withSeeds(int n) {
        return new GradingSettings(n, parallelRuns, timeLimit);
    }

    public GradingSettings withParallelRuns(int n) {
        return new GradingSettings(seeds, n, timeLimit);
    }

    public GradingSettings withTimeLimit(Duration d) {
        return new GradingSettings(seeds, parallelRuns, d);
    }
}
