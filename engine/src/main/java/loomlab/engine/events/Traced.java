package loomlab.engine.events;

/**
 * One event of a run, stamped.
 *
 * @param seq   its number in the run, from 1, without gaps
 * @param nanos the run's clock (virtual or real nanoseconds since the run started)
 * @param g     the goroutine that caused it (0: a timer, the scheduler or outside the run)
 * @param p     the P it happened on, or -1
 * @param m     the M (carrier thread) it happened on, or -1
 * @param line  the learner's source line in deterministic mode ({@code File.java:12}), or null
 * @param event what happened
 */
public record Traced(long seq, long nanos, long g, int p, int m, String line, Event event) {
}
