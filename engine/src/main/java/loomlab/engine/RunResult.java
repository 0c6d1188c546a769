package loomlab.engine;

import java.util.List;

/**
 * How a run ended.
 *
 * @param exitStatus Go's exit status: 0, or 2 after a panic, a fatal error or a deadlock
 * @param outcome    what ended it
 * @param report     what Go would print to standard error ({@code panic: …}, {@code fatal error: …}
 *                   and the goroutine traces); empty after a normal exit
 * @param leaks      goroutines still alive when {@code main} returned; Go does not wait for them
 */
public record RunResult(int exitStatus, Outcome outcome, String report, List<GoroutineInfo> leaks) {

    /** The report split into lines, for line-by-line checks. */
    public List<String> reportLines() {
        return report.isEmpty() ? List.of() : List.of(report.split("\n", -1));
    }
}
