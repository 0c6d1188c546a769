package loomlab.engine;

import java.util.List;

/**
 * A snapshot of one goroutine, as a dump or a view shows it.
 *
 * @param id         Go's goroutine id; {@code main} is 1
 * @param name       the name given to {@code go(name, ...)}, or null
 * @param state      its state when the snapshot was taken
 * @param waitReason why it waits, or null when it does not
 * @param creatorId  the goroutine that started it, or 0 for goroutine 1
 * @param createdAt  the learner's frame that started it, or null
 * @param stack      the learner's frames, innermost first; engine and JDK frames are left out
 */
public record GoroutineInfo(long id, String name, GoroutineState state, WaitReason waitReason,
                            long creatorId, StackTraceElement createdAt, List<StackTraceElement> stack) {

    /** Go's dump header, e.g. {@code goroutine 5 [chan send]:}. */
    public String header() {
        String status = waitReason != null ? waitReason.text() : state.text();
        return "goroutine " + id + " [" + status + "]:";
    }
}
