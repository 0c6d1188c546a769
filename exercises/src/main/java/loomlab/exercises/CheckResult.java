package loomlab.exercises;

import java.nio.file.Path;
import loomlab.lessons.Text;

/**
 * The outcome of one grading check.
 *
 * @param id         the check's stable id (its test method's name)
 * @param name       what it checks, for the learner ("every job is processed exactly once")
 * @param passed     whether it passed on every schedule it ran under
 * @param message    why it failed, in words a learner understands (which schedule, what happened);
 *                   empty if it passed
 * @param hint       the hint that fits this failure; empty if none or passed
 * @param seed       the seed of the failing deterministic schedule, or -1
 * @param failingRun the saved trace of the failing run, which the app replays; null if none
 */
public record CheckResult(String id, Text name, boolean passed, Text message, Text hint, long seed, Path failingRun) {
}
