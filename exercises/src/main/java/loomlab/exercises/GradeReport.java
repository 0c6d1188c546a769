package loomlab.exercises;

import java.util.List;
import loomlab.lessons.Text;

/**
 * The result of grading one submission.
 *
 * @param exercise     the exercise's id
 * @param compileError the compiler's messages if the submission did not compile (then no check
 *                     ran and {@code checks} is empty); null if it compiled
 * @param checks       one per grading check, in the test class's order
 */
public record GradeReport(String exercise, Text compileError, List<CheckResult> checks) {
    public GradeReport {
        checks = List.copyOf(checks);
    }

    /** The share of checks passed, 0 to 1: partial credit. 0 if nothing could run. */
    public double score() {
        if (checks.isEmpty()) {
            return 0;
        }
        return (double) checks.stream().filter(CheckResult::passed).count() / checks.size();
    }

    /** Every check passed. */
    public boolean passed() {
        return compileError == null && !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }
}
