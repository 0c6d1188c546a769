package loomlab.engine.events;

/**
 * One event of a run, stamped.
 *
 * @param seq   its number in the run, from 1, without gaps
 * @param nanos the run's clock (virtual or real nanoseconds since the run started)
 * @param g     the goroutine that caused it (0: a timer, the scheduler or outside the run)
 * @param p     the P it happened on, or -1
 * @param m     the M (carrier thread) it happened on, or -1
 * @param line  in deterministic mode, where the learner's code is: its stack, innermost frame first,
 *              frames separated by {@link #FRAME_SEPARATOR} ({@code Work.java:12 ← Work.java:30});
 *              null in real mode or outside the learner's code
 * @param event what happened
 */
public record Traced(long seq, long nanos, long g, int p, int m, String line, Event event) {
    /** Between two frames of {@link #line()}. */
    public static final String FRAME_SEPARATOR = " ← ";

    /** The innermost frame of {@link #line()} ({@code Work.java:12}), or null. */
    public String top() {
        if (line == null) {
            return null;
        }
        int cut = line.indexOf(FRAME_SEPARATOR);
        return cut < 0 ? line : line.substring(0, cut);
    }
}
