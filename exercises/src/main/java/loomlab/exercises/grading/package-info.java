/**
 * The grading support every exercise's checks use.
 *
 * <p>A check is a JUnit 5 test method with a {@link loomlab.exercises.grading.Grading} parameter
 * (resolved by {@link loomlab.exercises.grading.GradingExtension}). Its body runs as the main
 * goroutine of a LoomLab run, under many seeded deterministic schedules on the virtual clock and
 * then a few real parallel runs ({@link loomlab.exercises.grading.Schedules}); the first run that
 * fails ends the check with a {@link loomlab.exercises.grading.CheckFailed} that names the
 * schedule, says what went wrong in English and Chinese, and points at the saved trace of that run.
 * Small probes measure the properties of concurrent code: {@link loomlab.exercises.grading.Gauge}
 * (how many at once), {@link loomlab.exercises.grading.Tally} (each exactly once),
 * {@link loomlab.exercises.grading.Drained} (everything, then closed).
 */
package loomlab.exercises.grading;
