package loomlab.lessons;

import java.util.List;

/**
 * A step's runnable Java example. The lesson tests run it in deterministic mode with these
 * settings and check what it states, so a lesson cannot go stale.
 *
 * @param className      the public class of {@code source} (default package), e.g. {@code Workers}
 * @param source         the whole {@code .java} file
 * @param seed           the seed of the deterministic run that the expectations describe
 * @param procs          GOMAXPROCS of that run
 * @param expectedOutput the program's output lines in order, exactly; null if only facts are stated
 * @param expectedStatus its exit status: 0, or 2 after a panic or a deadlock
 */
public record Example(String className, String source, long seed, int procs, List<String> expectedOutput,
                      int expectedStatus) {
    public Example {
        expectedOutput = expectedOutput == null ? null : List.copyOf(expectedOutput);
    }
}
