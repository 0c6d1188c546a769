package loomlab.lessons;

import java.util.List;
import loomlab.engine.RunMode;

/**
 * A step's runnable Java example. The lesson tests run it with these settings and check what it
 * states, so a lesson cannot go stale.
 *
 * @param className      the public class of {@code source} (default package), e.g. {@code Workers}
 * @param source         the whole {@code .java} file
 * @param seed           the seed of the deterministic run that the expectations describe
 * @param procs          GOMAXPROCS of that run
 * @param mode           DETERMINISTIC (the seeded one-at-a-time scheduler), or REAL: the GMP
 *                       scheduler's own order on the virtual clock. With one P that order is Go's
 *                       and always the same; with more, the Ps race, and the example must print
 *                       only what no order changes. The seed is unused: keep such an example free
 *                       of select's random choices
 * @param expectedOutput the program's output lines in order, exactly; null if only facts are stated
 * @param expectedStatus its exit status: 0, or 2 after a panic or a deadlock
 */
public record Example(String className, String source, long seed, int procs, RunMode mode,
                      List<String> expectedOutput, int expectedStatus) {
    public Example {
        expectedOutput = expectedOutput == null ? null : List.copyOf(expectedOutput);
    }
}
