package loomlab.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import loomlab.engine.runner.ChildOutcome;

/**
 * How a run ended, as the workbench tells it: one kind per thing a learner's program can do, so
 * the window words each plainly (the words are in the resource bundles, keyed by {@link Kind}).
 *
 * @param kind       what happened
 * @param status     the exit status (Go's 0 or 2; the {@code System.exit} argument; the JVM's code)
 * @param report     Go's panic or deadlock report, or the crash message; "" if none
 * @param deadlocked the goroutines the deadlock report names, in its order; empty unless a deadlock
 */
public record RunEnd(Kind kind, int status, String report, List<Long> deadlocked) {
    public enum Kind {
        /** Exit status 0. */
        EXITED,
        /** A panic or a fatal error other than a deadlock: status 2 and Go's report. */
        PANICKED,
        /** Every goroutine was asleep. */
        DEADLOCK,
        /** Stopped by the learner. */
        STOPPED,
        /** The program called {@code System.exit}. */
        SYSTEM_EXIT,
        /** The program's JVM ran out of memory. */
        OUT_OF_MEMORY,
        /** The program's JVM ended otherwise (it could not start, or crashed). */
        CRASHED
    }

    private static final Pattern GOROUTINE_HEADER = Pattern.compile("(?m)^goroutine (\\d+) \\[");
    private static final String DEADLOCK = "all goroutines are asleep - deadlock";

    public RunEnd {
        deadlocked = List.copyOf(deadlocked);
    }

    /** The end of a child run, as the runner tells it. */
    public static RunEnd of(ChildOutcome outcome) {
        return switch (outcome) {
            case ChildOutcome.Exited(int status, String report) when report.contains(DEADLOCK) ->
                    new RunEnd(Kind.DEADLOCK, status, report, goroutinesIn(report));
            case ChildOutcome.Exited(int status, String report) when status != 0 ->
                    new RunEnd(Kind.PANICKED, status, report, List.of());
            case ChildOutcome.Exited(int status, String report) -> new RunEnd(Kind.EXITED, status, report, List.of());
            case ChildOutcome.Killed() -> new RunEnd(Kind.STOPPED, -1, "", List.of());
            case ChildOutcome.CalledExit(int status) -> new RunEnd(Kind.SYSTEM_EXIT, status, "", List.of());
            case ChildOutcome.Crashed(int code, String message) when message.contains("out of memory") ->
                    new RunEnd(Kind.OUT_OF_MEMORY, code, message, List.of());
            case ChildOutcome.Crashed(int code, String message) -> new RunEnd(Kind.CRASHED, code, message, List.of());
        };
    }

    /** The ids of Go's {@code goroutine N [reason]:} headers in a dump, in order. */
    static List<Long> goroutinesIn(String report) {
        List<Long> ids = new ArrayList<>();
        Matcher m = GOROUTINE_HEADER.matcher(report);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
